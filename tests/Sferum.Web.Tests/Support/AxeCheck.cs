using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Sferum.Web.Tests.Support;

/// <summary>
/// axe-core on the page as it is now: writes the counts to the test's output and returns each serious or critical
/// violation as a line naming the page, the rule and the first elements it found (shared with the video tests).
/// </summary>
public static class AxeCheck
{
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, string what, ITestOutputHelper output)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        output.WriteLine($"{what}: {result.Passes.Length} rules passed, {result.Violations.Length} violations ({serious.Count} serious or critical)");
        return serious.Select(v => $"{what}: {v.Id} [{v.Impact}] {v.Help}\n    "
            + string.Join("\n    ", v.Nodes.Take(5).Select(n => $"{n.Target}: {n.Html}"))).ToList();
    }
}
