using System.Text.Json;
using Microsoft.Playwright;

namespace Sferum.Video.Tests.Support;

/// <summary>Debian's Chromium with a fake camera and microphone (shared/notes/video.md), signed in through DevIdentity.</summary>
public static class MeetingBrowsers
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", "--mute-audio", "--autoplay-policy=no-user-gesture-required",
                "--disable-features=WebRtcHideLocalIpsWithMdns",
            ],
        });

    /// <summary>Signs <paramref name="login"/> in, in a context of its own (a phone-sized one when <paramref name="phone"/>).</summary>
    public static async Task<IPage> SignInAsync(IBrowser browser, VideoEnvironment env, string login, bool phone = false)
    {
        var user = env.User(login);
        var context = await browser.NewContextAsync(phone
            ? new() { Permissions = ["camera", "microphone"], ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true }
            : new() { Permissions = ["camera", "microphone"] });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{env.Stack.WebUrl}/Chats");
        await page.FillAsync("#login", user.Login);
        await page.FillAsync("#password", user.Password);
        await page.ClickAsync("#submit");
        try
        {
            await page.WaitForURLAsync("**/Chats", new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{login} was not signed in within 60 s; the page is at {page.Url}: {await page.TextContentAsync("body")}");
        }

        return page;
    }

    public static async Task OpenChatAsync(IPage page, string title)
    {
        await page.ClickAsync($"#chat-list a:has-text('{title}')");
        await page.WaitForSelectorAsync("#chat[data-ready='true']", new() { Timeout = 15_000 });
    }

    /// <summary>Starts a meeting from the chat's composer (its dialog: a title, "now") and enters it as its host.</summary>
    public static async Task<Guid> StartMeetingAsync(IPage host, string title)
    {
        await host.ClickAsync("#meeting-start");
        await host.FillAsync("#meeting-title", title);
        await host.ClickAsync("#meeting-create");
        await host.WaitForURLAsync("**/Meetings/*");
        var id = Guid.Parse(host.Url[(host.Url.LastIndexOf('/') + 1)..]);
        await host.ClickAsync("#join");
        return id;
    }

    /// <summary>Answers the page's next prompt or confirm (only that one) with OK and <paramref name="text"/>.</summary>
    public static void AcceptNextDialog(IPage page, string? text = null)
    {
        void Once(object? sender, IDialog dialog)
        {
            page.Dialog -= Once;
            _ = dialog.AcceptAsync(text);
        }

        page.Dialog += Once;
    }

    /// <summary>Waits until the page decodes video from someone else, and returns where the media flowed.</summary>
    public static async Task<MediaProof> WaitForVideoAsync(IPage page, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        MediaProof? last = null;
        while (DateTime.UtcNow < until)
        {
            var stats = await page.EvaluateAsync<JsonElement>("""
                async () => {
                  const out = [];
                  for (const pc of window.sferumMeeting.peers) {
                    if (pc.connectionState === "closed") continue;
                    const report = await pc.getStats();
                    const byId = new Map(); report.forEach((r) => byId.set(r.id, r));
                    let frames = 0, local = null, remote = null;
                    report.forEach((r) => {
                      if (r.type === "inbound-rtp" && r.kind === "video") frames += r.framesDecoded || 0;
                      if (r.type === "candidate-pair" && r.state === "succeeded") {
                        local = byId.get(r.localCandidateId)?.address; remote = byId.get(r.remoteCandidateId)?.port;
                      }
                    });
                    out.push({ frames, local, remote });
                  }
                  return out;
                }
                """);
            foreach (var pc in stats.EnumerateArray())
            {
                last = new MediaProof(pc.GetProperty("frames").GetInt32(), pc.GetProperty("local").GetString(),
                    pc.GetProperty("remote").ValueKind == JsonValueKind.Number ? pc.GetProperty("remote").GetInt32() : 0);
                // Frames can be counted in a report taken while the pair's state is between "in-progress" and
                // "succeeded" (seen once in a full run): the proof waits for both in the same report.
                if (last.FramesDecoded > 0 && last.LocalAddress is not null)
                {
                    return last;
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No video was decoded within {timeout}; last: {last}; page says: {await page.TextContentAsync("#meeting-status")}");
    }

    /// <summary>
    /// Frames decoded, this browser's address on the pair that carries the media, and Janus's port on it (Janus's own
    /// address is learnt from its checks, so the browser reports it as a peer-reflexive candidate without an address).
    /// </summary>
    public sealed record MediaProof(int FramesDecoded, string? LocalAddress, int RemotePort);
}
