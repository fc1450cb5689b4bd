using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Sferum.Video.Tests.Support;
using Sferum.Web.Tests.Support;
using Xunit.Abstractions;

namespace Sferum.Video.Tests;

/// <summary>
/// The meeting pages that the portal's axe check (Sferum.Web.Tests' AccessibilityTests) leaves to this project, because
/// they need Janus: a lesson's page on a phone before joining, the teacher's and a pupil's page with video flowing, and
/// the refusals an outsider and a forged guest link get. axe-core must find no serious or critical violation.
/// </summary>
[Collection(VideoCollection.Name)]
public sealed class MeetingAccessibilityTests(VideoEnvironment env, ITestOutputHelper output)
{
    [Fact]
    public async Task A_lesson_page_before_and_during_the_lesson_and_its_refusals_pass_axe_core_on_a_phone()
    {
        using var teacherApi = await env.SignedInAsync("teacher");
        var (_, classChat, _) = await ChatApi.FiveAAsync(teacherApi);
        var started = await ChatApi.PostAsync(teacherApi, classChat, "/meetings", new { clientId = Guid.NewGuid().ToString(), kind = "Lesson", title = "Урок чтения" });
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var meetingId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("meetingId").GetGuid();
        var meetingUrl = $"{env.Stack.WebUrl}/Meetings/{meetingId}";

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await MeetingBrowsers.LaunchAsync(playwright);
        var teacher = await MeetingBrowsers.SignInAsync(browser, env, "teacher", phone: true);
        var pupil = await MeetingBrowsers.SignInAsync(browser, env, "student", phone: true);
        var outsider = await MeetingBrowsers.SignInAsync(browser, env, "parent", phone: true);
        var failures = new List<string>();

        await teacher.GotoAsync(meetingUrl);
        await Assertions.Expect(teacher.Locator("#join")).ToBeVisibleAsync();
        await CheckAsync(teacher, "the lesson before joining (teacher)", failures);

        await teacher.ClickAsync("#join");
        // The pupil joins with the keyboard alone (Tab to «Войти», Enter).
        await pupil.GotoAsync(meetingUrl);
        await KeyboardOnly.TabToAsync(pupil, "#join");
        await pupil.Keyboard.PressAsync("Enter");
        Assert.True((await MeetingBrowsers.WaitForVideoAsync(pupil, TimeSpan.FromSeconds(30))).FramesDecoded > 0);
        await CheckAsync(pupil, "the lesson with the teacher's video (pupil)", failures);

        // On a phone the videos have the screen: the chat waits behind its button, and a tap opens the class chat, live.
        Assert.Null(await pupil.Locator("#meeting-chat").GetAttributeAsync("src"));
        await pupil.ClickAsync("#meeting-chat-open");
        await pupil.FrameLocator("#meeting-chat").Locator("#chat[data-ready='true']").WaitForAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(pupil.Locator("#meeting-chat-open")).ToBeHiddenAsync();
        await CheckAsync(pupil, "the lesson with its chat open (pupil)", failures);
        await CheckAsync(teacher, "the lesson while publishing (teacher)", failures);

        // A parent is not in the class chat: for him the lesson does not exist. A forged guest link is refused.
        Assert.Equal(404, (await outsider.GotoAsync(meetingUrl))?.Status);
        await CheckAsync(outsider, "the refusal of an outsider", failures);
        Assert.Contains((await outsider.GotoAsync($"{meetingUrl}/guest/{new string('0', 48)}"))?.Status, new int?[] { 403, 404 });
        await CheckAsync(outsider, "the refusal of a forged guest link", failures);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task CheckAsync(IPage page, string what, List<string> failures) =>
        failures.AddRange(await AxeCheck.SeriousViolationsAsync(page, what, output));
}
