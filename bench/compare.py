#!/usr/bin/env python3
"""Joins the peer's result files and Sferum's into one table, results.json and a chart of p99 against offered rate.
usage: compare.py PEER_RESULTS_DIR SFERUM_JSON PEER_IDLE_RSS_KB OUTDIR"""
import glob, json, math, os, platform, sys, time

peer_dir, sferum_path, peer_idle_kb, out = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
peer_rooms = sorted((json.load(open(f)) for f in glob.glob(os.path.join(peer_dir, "rooms_*.json"))), key=lambda r: r["rate_target"])
peer_channel = next((json.load(open(f)) for f in glob.glob(os.path.join(peer_dir, "channel_*.json"))), None)
sferum = json.load(open(sferum_path))
s_rooms = sorted(sferum["rooms"], key=lambda r: r["rate_target"])
s_channel = sferum.get("channel")


def machine():
    model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem_kb = int(next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")))
    return {"cpus": os.cpu_count(), "cpu_model": model, "memory_gib": round(mem_kb / 1048576, 1),
            "kernel": platform.release(), "date": time.strftime("%Y-%m-%d %H:%M %Z")}


def all_delivered(r):
    return r["delivered"] == r["expected"] and r.get("incomplete_msgs", 0) == 0 and r["errors"] + r.get("disconnects", 0) == 0


def knee(rooms):
    ok = [r["rate_target"] for r in rooms if all_delivered(r) and r["lat_ms"]["p99"] is not None and r["lat_ms"]["p99"] <= 50]
    return max(ok) if ok else 0


def gen_us(r):
    per_s = r["delivered"] / max(1e-9, r["duration"] if "duration" in r else sferum["options"]["duration"])
    return round(r["cpu_pct"]["gen"] / 100 / max(1e-9, per_s) * 1e6, 1)


first = peer_rooms[0] if peer_rooms else None
peer_kb = round((first["beam_rss_mb_after_connect"] * 1024 - peer_idle_kb) / first["connected"], 1) if first and peer_idle_kb > 0 else None
sferum_kb = sferum["rss_kb_per_connection"]

verdicts = []
by_rate = {r["rate_target"]: r for r in s_rooms}
for p in peer_rooms:
    s = by_rate.get(p["rate_target"])
    if s and p["lat_ms"]["p99"] is not None and p["lat_ms"]["p99"] < 100:
        verdicts.append((f"{p['rate_target']:g} msg/s: Sferum p99 {s['lat_ms']['p99']} ms < ejabberd p99 {p['lat_ms']['p99']} ms",
                         s["lat_ms"]["p99"] is not None and s["lat_ms"]["p99"] < p["lat_ms"]["p99"] and all_delivered(s)))
kp, ks = knee(peer_rooms), knee(s_rooms)
verdicts.append((f"knee (all delivered, p99 ≤ 50 ms): Sferum {ks} msg/s ≥ 2 × ejabberd {kp:g} msg/s", kp > 0 and ks >= 2 * kp))
if peer_channel and s_channel:
    verdicts.append((f"channel of {s_channel['size']}: time to the last member p99 Sferum {s_channel['last_member_ms']['p99']} ms ≤ ejabberd "
                     f"{peer_channel['last_member_ms']['p99']} ms", s_channel["last_member_ms"]["p99"] <= peer_channel["last_member_ms"]["p99"]
                     and s_channel["delivered_total"] == s_channel["expected_total"]))
verdicts.append((f"memory per connected member: Sferum {sferum_kb} KB ≤ 32 KB (ejabberd {peer_kb} KB)", sferum_kb <= 32))
verdicts.append(("every acknowledged message is in PostgreSQL (message table gained exactly what was sent)",
                 all(r["acked"] == r["sent_with_warmup"] == r["db_rows_added"] for r in s_rooms)))
verdicts.append(("generator CPU per delivery no higher than the peer's generator's",
                 all(gen_us(s) <= gen_us(p) for p in peer_rooms for s in s_rooms if s["rate_target"] == p["rate_target"])))

lines = [f"Machine: {machine()['cpus']} × {machine()['cpu_model']}, {machine()['memory_gib']} GiB, kernel {machine()['kernel']}; "
         f"{sferum['options']['rooms']} chats × {sferum['options']['members']} members, {sferum['options']['duration']:g} s measured after "
         f"{sferum['options']['warmup']:g} s warm-up; PostgreSQL 15 with synchronous_commit and fsync on for both.", "",
         "| msg/s | server | achieved | delivered / expected | errors | p50 ms | p95 ms | p99 ms | max ms | server CPU % (100 = 1 core) | generator CPU % | generator µs per delivery |",
         "|---|---|---|---|---|---|---|---|---|---|---|---|"]
rates = sorted({r["rate_target"] for r in peer_rooms} | set(by_rate))
peer_by_rate = {r["rate_target"]: r for r in peer_rooms}
for rate in rates:
    for name, r in (("ejabberd", peer_by_rate.get(rate)), ("Sferum", by_rate.get(rate))):
        if not r:
            continue
        L, c = r["lat_ms"], r["cpu_pct"]
        cpu = (f"{c['beam'] + c['pg']:.0f} (ejabberd {c['beam']:g} + pg {c['pg']:g})" if name == "ejabberd"
               else f"{c['silo'] + c['web'] + c['pg']:.0f} (silo {c['silo']:g} + web {c['web']:g} + pg {c['pg']:g})")
        lines.append(f"| {rate:g} | {name} | {r['rate_achieved']:g} | {r['delivered']:,} / {r['expected']:,} | {r['errors'] + r.get('disconnects', 0)} "
                     f"| {L['p50']} | {L['p95']} | **{L['p99']}** | {L['max']} | {cpu} | {c['gen']:g} | {gen_us(r)} |")
lines += ["", "| channel case | members | delivered / expected | time to the last member p50 ms | p99 ms | max ms | median member p50 ms |", "|---|---|---|---|---|---|---|"]
for name, c in (("ejabberd", peer_channel), ("Sferum", s_channel)):
    if c:
        L = c["last_member_ms"]
        lines.append(f"| {name} | {c['connected']} | {c['delivered_total']:,} / {c['expected_total']:,} | {L['p50']} | **{L['p99']}** | {L['max']} | {c['median_member_ms_p50']} |")
lines += ["", f"Memory per connected member: ejabberd {peer_kb} KB (beam.smp after connecting {first['connected'] if first else 0}, over its idle node), "
          f"Sferum {sferum_kb} KB (silo + portal after connecting all members to processes that had carried no load, over before; "
          f"{sferum.get('rss_kb_per_more_connection')} KB per member over the second half of them).", "", "Targets:"]
lines += [f"- {'✓' if ok else '✗'} {text}" for text, ok in verdicts]
table = "\n".join(lines)
print(table)


def chart(path):
    w, h, left, right, top, bottom = 720, 420, 70, 20, 30, 50
    xmax = max(rates) * 1.05
    lo, hi = 0, 4  # 1 ms … 10 s, log scale

    def x(rate): return left + (w - left - right) * rate / xmax
    def y(ms): return top + (h - top - bottom) * (1 - (math.log10(max(ms, 1)) - lo) / (hi - lo))
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="12">',
           f'<rect width="{w}" height="{h}" fill="white"/>',
           f'<text x="{w / 2}" y="18" text-anchor="middle" font-size="14">p99 delivery latency against offered rate ({sferum["options"]["rooms"]} chats × {sferum["options"]["members"]})</text>']
    for e in range(lo, hi + 1):
        svg.append(f'<line x1="{left}" x2="{w - right}" y1="{y(10 ** e)}" y2="{y(10 ** e)}" stroke="#ddd"/>')
        svg.append(f'<text x="{left - 6}" y="{y(10 ** e) + 4}" text-anchor="end">{10 ** e:g} ms</text>')
    for rate in rates:
        svg.append(f'<text x="{x(rate)}" y="{h - bottom + 18}" text-anchor="middle">{rate:g}</text>')
    svg.append(f'<text x="{(left + w - right) / 2}" y="{h - 10}" text-anchor="middle">messages per second</text>')
    svg.append(f'<line x1="{left}" x2="{w - right}" y1="{y(50)}" y2="{y(50)}" stroke="#888" stroke-dasharray="4 4"/>'
               f'<text x="{w - right - 4}" y="{y(50) - 4}" text-anchor="end" fill="#666">50 ms (knee)</text>')
    for name, rooms, color in (("ejabberd", peer_rooms, "#c0392b"), ("Sferum", s_rooms, "#1f6fb2")):
        pts = [(x(r["rate_target"]), y(r["lat_ms"]["p99"])) for r in rooms if r["lat_ms"]["p99"] is not None]
        svg.append(f'<polyline fill="none" stroke="{color}" stroke-width="2" points="{" ".join(f"{a:.1f},{b:.1f}" for a, b in pts)}"/>')
        svg += [f'<circle cx="{a:.1f}" cy="{b:.1f}" r="4" fill="{color}"/>' for a, b in pts]
    svg.append(f'<rect x="{left + 10}" y="{top + 6}" width="12" height="3" fill="#c0392b"/><text x="{left + 28}" y="{top + 11}">ejabberd 23.01 + PostgreSQL</text>')
    svg.append(f'<rect x="{left + 10}" y="{top + 24}" width="12" height="3" fill="#1f6fb2"/><text x="{left + 28}" y="{top + 29}">Sferum (silo + portal + PostgreSQL)</text>')
    svg.append("</svg>")
    open(path, "w").write("\n".join(svg))


os.makedirs(out, exist_ok=True)
chart(os.path.join(out, "p99-vs-rate.svg"))
open(os.path.join(out, "table.md"), "w").write(table + "\n")
json.dump({"machine": machine(), "knobs": sferum["options"], "ejabberd": {"rooms": peer_rooms, "channel": peer_channel, "idle_rss_kb": peer_idle_kb,
           "rss_kb_per_connection": peer_kb}, "sferum": sferum, "knee": {"ejabberd": kp, "sferum": ks},
           "targets": [{"target": t, "met": ok} for t, ok in verdicts]}, open(os.path.join(out, "results.json"), "w"), indent=1, ensure_ascii=False)
print(f"\nWritten: {out}/table.md, results.json, p99-vs-rate.svg")
