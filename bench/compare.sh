#!/bin/bash
# Sferum against its peer, ejabberd + PostgreSQL (../shared/peer/ejabberd), on this machine, back to back: the same
# load shape, PostgreSQL set up the same way (synchronous_commit and fsync on), one table of both, results.json and a
# chart of p99 latency against offered rate.
# Usage (as root: the peer installs ejabberd and runs PostgreSQL as its user):
#   bench/compare.sh [OUTDIR]                                       full run, about 25 minutes
#   RATES=200 DURATION=10 CHANNEL=200 REPS=5 bench/compare.sh /tmp/c   a 3-minute smoke run
# Knobs, the peer's bench.sh's: ROOMS MEMBERS RATES DURATION WARMUP DRAIN CHANNEL REPS INTERVAL; PEER (its folder).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
PEER=${PEER:-$ROOT/../shared/peer/ejabberd}
OUT=${1:-$HERE/results}
export ROOMS=${ROOMS:-100} MEMBERS=${MEMBERS:-30} RATES=${RATES:-200 500 750 1000 1500 2000}
export DURATION=${DURATION:-60} WARMUP=${WARMUP:-5} DRAIN=${DRAIN:-10}
export CHANNEL=${CHANNEL:-2000} REPS=${REPS:-20} INTERVAL=${INTERVAL:-2}
[ -x "$PEER/bench.sh" ] || { echo "The peer's harness is not at $PEER (set PEER=...)"; exit 1; }
mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/sferum-compare-XXXXXX)
chmod 755 "$WORK"
trap '"$PEER/stop.sh" "$WORK/peer" >/dev/null 2>&1 || true; kill "${WATCH:-0}" 2>/dev/null || true' EXIT

# The peer's idle node: ejabberd's resident memory after provisioning, before its generator connects anyone (the
# memory per connection is the growth from there, as its README measures it).
(
  while ! pgrep -f "loadgen.py rooms" >/dev/null; do
    pid=$(pgrep -x beam.smp | head -1 || true)
    [ -n "$pid" ] && awk '/VmRSS/ {print $2}' "/proc/$pid/status" > "$WORK/beam-idle-kb" 2>/dev/null || true
    sleep 0.5
  done
) & WATCH=$!

echo "== 1/2 the peer: ejabberd (its own bench.sh, unchanged)"
"$PEER/bench.sh" "$WORK/peer"
PEER_RESULTS=$(ls -d "$WORK"/peer/results/*/ | tail -1)

echo "== 2/2 Sferum: the same load against silo + portal + PostgreSQL"
cd "$ROOT"
dotnet build -c Release Sferum.sln -v q -nologo >/dev/null
# It exits non-zero when a message went missing; the table still shows both sides, and so does our exit code.
status=0
THROUGHPUT=0 dotnet run -c Release --no-build --project bench/Sferum.Bench.Chat -- --out "$WORK/sferum.json" || status=$?

python3 "$HERE/compare.py" "$PEER_RESULTS" "$WORK/sferum.json" "$(cat "$WORK/beam-idle-kb" 2>/dev/null || echo 0)" "$OUT"
exit $status
