using Microsoft.Playwright;

namespace Sferum.Web.Tests.Support;

/// <summary>
/// What a chat page's composer and its @ list did, for a test's failure message: the @ list's failures showed up only
/// in full CI runs, where a message is all there is to go on.
/// </summary>
public static class ComposerProbe
{
    /// <summary>
    /// Records, from before the @ is typed, what moves or closes the @ list: the composer's focus and blur (and where
    /// focus went), the list's renders, scrolling, resizing and messages arriving. The last 40 entries, times in ms.
    /// </summary>
    private const string Watch = """
        () => {
          if (window.__composerLog) { window.__composerLog.length = 0; return; }
          const log = window.__composerLog = [];
          const at = () => Math.round(performance.now());
          const add = (what) => { log.push(`${at()} ${what}`); if (log.length > 40) log.shift(); };
          const input = document.getElementById("text"), list = document.getElementById("mention-list");
          input.addEventListener("blur", (e) => add(`blur→${e.relatedTarget?.id || e.relatedTarget?.tagName || "none"}`));
          input.addEventListener("focus", () => add("focus"));
          new MutationObserver(() => add(`list ${list.children.length}${list.hidden ? " hidden" : ""}`))
            .observe(list, { childList: true, attributes: true, attributeFilter: ["hidden"] });
          new MutationObserver((ms) => add(`messages +${ms.reduce((n, m) => n + m.addedNodes.length, 0)}`))
            .observe(document.getElementById("messages"), { childList: true });
          addEventListener("scroll", () => add(`scroll ${Math.round(scrollY)}`), { passive: true });
          addEventListener("resize", () => add(`resize ${innerWidth}x${innerHeight}`));
          addEventListener("pagehide", () => add("pagehide"));
        }
        """;

    /// <summary>Starts (or restarts) the record; before the @ is typed.</summary>
    public static Task WatchAsync(IPage page) => page.EvaluateAsync(Watch);

    /// <summary>What the composer and its @ list showed and did, and what the members API answers now, as one line.</summary>
    private static Task<string> StateAsync(IPage page) => page.EvaluateAsync<string>("""
        async () => {
          const input = document.getElementById("text"), list = document.getElementById("mention-list");
          const chatId = location.pathname.split("/").pop();
          const members = await fetch(`/api/chats/${chatId}/members`).then(async r => `${r.status} ${(await r.text()).length} chars`, e => String(e));
          return JSON.stringify({ text: input.value, caret: input.selectionStart, focused: document.activeElement?.id,
            listHidden: list.hidden, options: list.innerText, visibility: document.visibilityState, members,
            status: document.getElementById("status")?.textContent, ready: document.getElementById("chat")?.dataset.ready,
            box: JSON.stringify(list.getBoundingClientRect()), scrollY, log: window.__composerLog });
        }
        """);

    /// <summary>Runs a step of a test; if it fails, the failure says first what the composer had and did.</summary>
    public static async Task ExplainAsync(IPage page, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            throw new InvalidOperationException($"The composer then: {await StateAsync(page)}\n{e.Message}", e);
        }
    }
}
