using Microsoft.Playwright;

namespace Sferum.Web.Tests.Support;

/// <summary>
/// Moving through a page as a keyboard user does: Tab (or Shift+Tab) until the wanted control has focus, then keys.
/// No click, no <c>FocusAsync</c>: a control that Tab never reaches fails the test with the path that Tab took.
/// </summary>
public static class KeyboardOnly
{
    /// <summary>
    /// Presses Tab (Shift+Tab when <paramref name="backwards"/>) until the focused element matches
    /// <paramref name="selector"/> and holds <paramref name="text"/> (itself or its label), or sits inside an element
    /// matching <paramref name="within"/> that holds it (a button of one particular message).
    /// </summary>
    public static async Task TabToAsync(IPage page, string selector, string? text = null, bool backwards = false, string? within = null,
        int maxPresses = 400)
    {
        var path = new List<string>();
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            var focused = await page.EvaluateAsync<string?>("""
                ([selector, text, within]) => {
                  const a = document.activeElement;
                  const host = within ? a?.closest(within) : a;
                  const holds = (e) => !!e && e.textContent.includes(text);
                  if (a && a.matches(selector) && host && (!text || holds(host) || (!within && holds(a.closest("label"))))) return null;
                  return a ? `${a.tagName.toLowerCase()}${a.id ? "#" + a.id : ""} «${(a.textContent || a.getAttribute("aria-label") || "").trim().slice(0, 30)}»` : "nothing";
                }
                """, new[] { selector, text, within });
            if (focused is null)
            {
                return;
            }

            path.Add(focused);
        }

        Assert.Fail($"Tab did not reach {selector}{(text is null ? "" : $" «{text}»")} in {maxPresses} presses; it went through:\n  "
            + string.Join("\n  ", path.TakeLast(40)));
    }

    /// <summary>The focused element's id (or tag), to check where a key press has put the focus.</summary>
    public static Task<string> FocusedAsync(IPage page) =>
        page.EvaluateAsync<string>("() => document.activeElement?.id || document.activeElement?.tagName.toLowerCase() || ''");
}
