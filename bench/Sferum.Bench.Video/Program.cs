// Video figures: run inside a network namespace of its own (media never leaves it), e.g.
//   dotnet build -c Release Sferum.sln && scripts/in-netns.sh dotnet bench/Sferum.Bench.Video/bin/Release/net10.0/Sferum.Bench.Video.dll --out video.json
// Knobs (environment): JOINS (5) joins timed from the click on «Войти во встречу» to the first decoded frame;
// VIEWERS ("0 5 10 20 40") subscriptions to the teacher's stream at each step; MEASURE (10) seconds of CPU per step.
// Viewers are extra subscriptions opened from one pupil's page through Sferum's proxy (each one is a full subscriber
// for Janus); a browser per viewer would run out of CPU long before Janus does (shared/notes/video.md).
// STEPS ("lesson broadcast") which parts run; the sections of the --out file that a run did not measure are kept.
// BROADCAST ("50 100 150 200 250 300 400 600 800") lean viewers of a school broadcast at each level (BroadcastStep), up
// to the level where Janus reaches JANUS_STOP (90) % of a core, or viewers fall behind.
using System.Diagnostics;
using System.Globalization;
using System.Net.NetworkInformation;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Sferum.Bench.Video;
using Sferum.Local;

const string MediaAddress = "10.213.0.1";
var outPath = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? "video.json";
var joins = int.Parse(Environment.GetEnvironmentVariable("JOINS") ?? "5", CultureInfo.InvariantCulture);
var levels = (Environment.GetEnvironmentVariable("VIEWERS") ?? "0 5 10 20 40").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
var steps = (Environment.GetEnvironmentVariable("STEPS") ?? "lesson broadcast").Split(' ', StringSplitOptions.RemoveEmptyEntries);
var broadcastLevels = (Environment.GetEnvironmentVariable("BROADCAST") ?? "50 100 150 200 250 300 400 600 800").Split(' ', StringSplitOptions.RemoveEmptyEntries)
    .Select(int.Parse).ToList();
var janusStop = double.Parse(Environment.GetEnvironmentVariable("JANUS_STOP") ?? "90", CultureInfo.InvariantCulture);
var measure = TimeSpan.FromSeconds(int.Parse(Environment.GetEnvironmentVariable("MEASURE") ?? "10", CultureInfo.InvariantCulture));

if (!NetworkInterface.GetAllNetworkInterfaces().SelectMany(i => i.GetIPProperties().UnicastAddresses).Any(a => a.Address.ToString() == MediaAddress))
{
    Console.Error.WriteLine("Run inside a network namespace of its own: scripts/in-netns.sh dotnet …/Sferum.Bench.Video.dll");
    return 2;
}

using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
// Not CreateTempSubdirectory: its folder is private to us, and the private PostgreSQL runs as the postgres account.
var data = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"sferum-video-bench-{Guid.NewGuid():N}"));
await using var deleted = new DeletedAtEnd(data);
var layout = SolutionLayout.Locate();
// The viewers' page signs in as a second pupil of 5А (the demo roster's first invented pupil): one Janus session per
// person, so the timed pupil's own connection is left alone.
var usersFile = Path.Combine(data.FullName, "users.json");
var users = DemoUsers.WriteWithSecondPupil(layout, usersFile);
await using var stack = await SferumStack.StartAsync(new SferumStackOptions
{
    DataDirectory = data.FullName,
    PostgresPort = FreePorts.Next(),
    IdentityPort = FreePorts.Next(),
    WebPort = FreePorts.Next(),
    SiloPort = FreePorts.Next(),
    GatewayPort = FreePorts.Next(),
    SeedDemo = true,
    UsersFile = usersFile,
    Operators = [users.Single(u => u.Login == DemoUsers.OperatorLogin).Subject],
    DemoSchoolAdminSnils = users.Single(u => u.Login == DemoUsers.OperatorLogin).Snils,
    Video = true,
    JanusHttpPort = FreePorts.Next(),
    JanusAdminPort = FreePorts.Next(),
    JanusMediaInterface = MediaAddress,
}, loggerFactory.CreateLogger("bench"));

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-extensions",
        "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", "--mute-audio", "--autoplay-policy=no-user-gesture-required",
        "--disable-features=WebRtcHideLocalIpsWithMdns",
    ],
});

async Task<IPage> SignInAsync(string login)
{
    var user = users.Single(u => u.Login == login);
    var context = await browser.NewContextAsync(new() { Permissions = ["camera", "microphone"] });
    var page = await context.NewPageAsync();
    await page.GotoAsync($"{stack.WebUrl}/Chats");
    await page.FillAsync("#login", user.Login);
    await page.FillAsync("#password", user.Password);
    await page.ClickAsync("#submit");
    await page.WaitForURLAsync("**/Chats");
    return page;
}

var report = File.Exists(outPath) ? JsonNode.Parse(await File.ReadAllTextAsync(outPath))!.AsObject() : [];
report["machine"] = $"{Environment.ProcessorCount} cores";
report["stream"] = "Chromium fake camera 640x480, 20 fps, VP8, and fake microphone, Opus";
var janusPid = stack.Janus!.Process.Pid;
if (steps.Contains("lesson"))
{
    await LessonAsync();
}

if (steps.Contains("broadcast"))
{
    var broadcast = new BroadcastStep(SignInAsync, stack.WebUrl, janusPid, System.Net.IPAddress.Parse(MediaAddress), measure, janusStop);
    var levelsMeasured = await broadcast.RunAsync(broadcastLevels);
    report["broadcast"] = JsonSerializer.SerializeToNode(new
    {
        measured = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        how = "One broadcast in the school channel, the admin publishing Chromium's fake camera; viewers are lean subscribers " +
            "(bench/Sferum.Bench.Video/Lean: ICE-lite, DTLS client, SRTP counted, nothing decrypted or decoded), each a VideoRoom " +
            "subscriber handle opened through Sferum's signalling proxy as a signed-in pupil, all in the bench's process. " +
            "CPU in % of one core over the window; janus_per_viewer_percent is (Janus at the level - Janus with no viewer) / viewers.",
        notes = broadcast.Notes,
        levels = levelsMeasured,
    });
}

await File.WriteAllTextAsync(outPath, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
Console.WriteLine($"Written {outPath}");
return 0;

async Task LessonAsync()
{
    var teacher = await SignInAsync("teacher");
    await teacher.ClickAsync("#chat-list a:has-text('5А класс')");
    await teacher.WaitForSelectorAsync("#chat[data-ready='true']");
    await teacher.ClickAsync("#meeting-start");
    await teacher.FillAsync("#meeting-title", "Урок для замера");
    await teacher.ClickAsync("#meeting-create");
    await teacher.WaitForURLAsync("**/Meetings/*");
    var meetingUrl = teacher.Url;
    await teacher.ClickAsync("#join");
    await teacher.WaitForSelectorAsync("#unpublish", new() { State = WaitForSelectorState.Visible, Timeout = 30_000 });

    const string FramesScript = """
        async () => { let f = 0; for (const pc of window.sferumMeeting.peers) { if (pc.connectionState === "closed") continue;
          (await pc.getStats()).forEach((r) => { if (r.type === "inbound-rtp" && r.kind === "video") f += r.framesDecoded || 0; }); } return f; }
        """;

    // 1. Join to first frame, as a pupil clicks it.
    var pupil = await SignInAsync("student");
    var joinTimes = new List<double>();
    for (var i = 0; i < joins; i++)
    {
        await pupil.GotoAsync(meetingUrl);
        await pupil.WaitForSelectorAsync("#join:not([hidden])");
        var clock = Stopwatch.StartNew();
        await pupil.ClickAsync("#join");
        while (await pupil.EvaluateAsync<int>(FramesScript) == 0)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("No frame within 30 s of joining.");
            }

            await Task.Delay(20);
        }

        joinTimes.Add(clock.Elapsed.TotalSeconds);
        Console.WriteLine($"[join] {i + 1}: first frame {clock.Elapsed.TotalSeconds:0.00} s after «Войти во встречу»");
    }

    // 2. Viewers of the teacher's stream: subscriptions from a second pupil's page, through the proxy.
    var viewers = await SignInAsync("pupil2");
    await viewers.GotoAsync(meetingUrl);
    await viewers.EvaluateAsync<string>($"() => fetch('/api/meetings/{meetingUrl[(meetingUrl.LastIndexOf('/') + 1)..]}/enter', {{ method: 'POST', " +
        "headers: { RequestVerificationToken: document.querySelector('input[name=__RequestVerificationToken]').value } }).then((r) => r.statusText)");
    var viewerSteps = new List<object>();
    double? baseline = null;
    var open = 0;
    foreach (var level in levels)
    {
        if (level > open)
        {
            await viewers.EvaluateAsync("""
                async (count) => {
                  const id = location.pathname.split("/").pop();
                  const token = document.querySelector("input[name=__RequestVerificationToken]").value;
                  window.benchSubs = window.benchSubs || [];
                  if (!window.benchSession) {
                    window.benchSession = await SferumJanus.Session.create(`/video/${id}/janus`, token);
                    const room = await window.benchSession.attach();
                    window.benchFeed = (await room.request({ request: "join", ptype: "publisher" })).data.publishers[0].id;
                  }
                  const feed = window.benchFeed;
                  for (let k = 0; k < count; k++) {
                    const h = await window.benchSession.attach();
                    const joined = await h.request({ request: "join", ptype: "subscriber", streams: [{ feed }] });
                    const pc = new RTCPeerConnection({ iceServers: [] });
                    pc.onicecandidate = (e) => h.trickle(e.candidate);
                    await pc.setRemoteDescription(joined.jsep);
                    const answer = await pc.createAnswer();
                    await pc.setLocalDescription(answer);
                    await h.request({ request: "start" }, answer);
                    window.benchSubs.push(pc);
                  }
                }
                """, level - open);
            open = level;
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        const string PacketsScript = """
            async () => Promise.all((window.benchSubs || []).map(async (pc) => { let p = 0;
              (await pc.getStats()).forEach((r) => { if (r.type === "inbound-rtp" && r.kind === "video") p += r.packetsReceived || 0; }); return p; }))
            """;
        var before = await viewers.EvaluateAsync<long[]>(PacketsScript);
        var (janus0, chromium0, wall) = (ProcessCpu.Seconds(janusPid), ProcessCpu.SecondsOf("chromium"), Stopwatch.StartNew());
        await Task.Delay(measure);
        var janusCpu = (ProcessCpu.Seconds(janusPid) - janus0) / wall.Elapsed.TotalSeconds * 100;
        var chromiumCpu = (ProcessCpu.SecondsOf("chromium") - chromium0) / wall.Elapsed.TotalSeconds * 100;
        var after = await viewers.EvaluateAsync<long[]>(PacketsScript);
        var receiving = after.Where((p, i) => p > before[i]).Count();
        baseline ??= janusCpu;
        var perViewer = level > 0 ? (janusCpu - baseline.Value) / level : (double?)null;
        Console.WriteLine($"[viewers] {level} extra viewers ({receiving} receiving): Janus {janusCpu:0.0} % of a core" +
            (perViewer is { } p ? $" ({p:0.00} % per viewer)" : "") + $", the browsers {chromiumCpu:0} %");
        viewerSteps.Add(new { viewers = level, receiving, janus_cpu_percent = Math.Round(janusCpu, 1), janus_per_viewer_percent = perViewer is { } v ? Math.Round(v, 2) : (double?)null,
            browsers_cpu_percent = Math.Round(chromiumCpu) });
    }

    joinTimes.Sort();
    report["join_to_first_frame_seconds"] = JsonSerializer.SerializeToNode(new { median = Math.Round(joinTimes[joinTimes.Count / 2], 2), max = Math.Round(joinTimes[^1], 2), all = joinTimes.Select(t => Math.Round(t, 2)) });
    report["viewers"] = JsonSerializer.SerializeToNode(viewerSteps);
    // The lesson's pages (and their 40 decoding subscriptions) leave, so that the broadcast has the machine to itself.
    foreach (var page in new[] { teacher, pupil, viewers })
    {
        await page.Context.CloseAsync();
    }
}
