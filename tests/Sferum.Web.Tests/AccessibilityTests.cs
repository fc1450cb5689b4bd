using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Sferum.Web.Tests.Authorization;
using Sferum.Web.Tests.Support;
using Xunit.Abstractions;

namespace Sferum.Web.Tests;

/// <summary>
/// Every page of the portal, opened in Chromium by the person who uses it, on a phone-sized screen, passes axe-core with
/// no serious or critical violation. The list of pages is read from the portal itself: a new page without a visit here
/// fails the first test. Meeting pages need a video server and are checked in the video tests (MeetingAccessibilityTests).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AccessibilityTests(WebTestEnvironment env, ITestOutputHelper output) : IAsyncLifetime
{
    private sealed record Visit(string Route, string? Login, Func<DemoIds, string, string> Url, string? ReadySelector = null, int Status = 200);

    /// <summary>Each page route with who opens it and where (the invitation's own link is read from its page).</summary>
    private static readonly Visit[] Visits =
    [
        new("/", "teacher", (_, _) => "/"),
        new("/Chats", "teacher", (_, _) => "/Chats"),
        new("/Chats/{chatId:guid}", "teacher", (i, _) => $"/Chats/{i.ClassChat}", "#chat[data-ready='true']"),
        new("/Chats/{chatId:guid}/Materials", "teacher", (i, _) => $"/Chats/{i.ClassChat}/Materials"),
        new("/Chats/{chatId:guid}/Review", "admin", (i, _) => $"/Chats/{i.ClassChat}/Review"),
        new("/Classes/{classId:guid}", "teacher", (i, _) => $"/Classes/{i.Class}"),
        new("/Classes/{classId:guid}/Materials", "teacher", (i, _) => $"/Classes/{i.Class}/Materials"),
        new("/Invitations/New", "teacher", (i, _) => $"/Invitations/New?classId={i.Class}&target=ClassChat"),
        new("/Invitations/{invitationId:guid}", "teacher", (i, _) => $"/Invitations/{i.Invitation}"),
        new("/i/{token}", "relative", (_, link) => link),
        new("/People/{personId:guid}", "teacher", (i, _) => $"/People/{i.Person}"),
        new("/Profile", "teacher", (_, _) => "/Profile"),
        // The pupil has DemoIds' announcement in her centre.
        new("/Notifications", "student", (_, _) => "/Notifications", "#notifications li"),
        new("/Notifications/Settings", "student", (_, _) => "/Notifications/Settings"),
        new("/Profile/Consents", "parent", (_, _) => "/Profile/Consents"),
        new("/Profile/Data", "parent", (_, _) => "/Profile/Data"),
        new("/Schools/{schoolId:guid}", "admin", (i, _) => $"/Schools/{i.School}"),
        new("/Schools/{schoolId:guid}/Audit", "admin", (i, _) => $"/Schools/{i.School}/Audit"),
        new("/Schools/{schoolId:guid}/Communities", "teacher", (i, _) => $"/Schools/{i.School}/Communities"),
        new("/Schools/{schoolId:guid}/Communities/{chatId:guid}", "teacher", (i, _) => $"/Schools/{i.School}/Communities/{i.Community}"),
        new("/Schools/{schoolId:guid}/Consents", "admin", (i, _) => $"/Schools/{i.School}/Consents"),
        new("/Schools/{schoolId:guid}/Operator", "admin", (i, _) => $"/Schools/{i.School}/Operator"),
        new("/Schools/{schoolId:guid}/DataRequests", "admin", (i, _) => $"/Schools/{i.School}/DataRequests"),
        new("/Schools/{schoolId:guid}/DataRequests/New", "admin", (i, _) => $"/Schools/{i.School}/DataRequests/New?q=Петров"),
        new("/Schools/{schoolId:guid}/DataRequests/{requestId:guid}", "admin", (i, _) => $"/Schools/{i.School}/DataRequests/{i.DataRequest}"),
        new("/Schools/{schoolId:guid}/DataRequests/{requestId:guid}/Answer", "admin", (i, _) => $"/Schools/{i.School}/DataRequests/{i.DataRequest}/Answer"),
        new("/Schools/{schoolId:guid}/Imports/New", "admin", (i, _) => $"/Schools/{i.School}/Imports/New"),
        new("/Schools/{schoolId:guid}/Imports/{importId:guid}", "admin", (i, _) => $"/Schools/{i.School}/Imports/{i.Import}"),
        new("/Schools/{schoolId:guid}/Incidents", "admin", (i, _) => $"/Schools/{i.School}/Incidents"),
        new("/Schools/{schoolId:guid}/Incidents/{incidentId:guid}", "admin", (i, _) => $"/Schools/{i.School}/Incidents/{i.Incident}"),
        new("/Schools/{schoolId:guid}/PersonalData", "admin", (i, _) => $"/Schools/{i.School}/PersonalData"),
        new("/Schools/{schoolId:guid}/PersonalData/Person", "admin", (i, _) => $"/Schools/{i.School}/PersonalData/Person?member=DEMO-S1"),
        new("/Schools/{schoolId:guid}/Reports", "teacher", (i, _) => $"/Schools/{i.School}/Reports"),
        new("/Schools/{schoolId:guid}/Retention", "admin", (i, _) => $"/Schools/{i.School}/Retention"),
        new("/Schools/{schoolId:guid}/Digest", "admin", (i, _) => $"/Schools/{i.School}/Digest"),
        new("/Admin", "admin", (_, _) => "/Admin"),
        new("/Admin/Incidents", "admin", (_, _) => "/Admin/Incidents"),
        new("/Admin/Status", "admin", (_, _) => "/Admin/Status"),
        new("/Account/AccessDenied", null, (_, _) => "/Account/AccessDenied", Status: 403),
        new("/Account/LoginFailed", null, (_, _) => "/Account/LoginFailed?reason=unavailable"),
        // Signing in ends on DevIdentity's form (the development stand-in for ESIA): people see it first, so it counts.
        new("/Account/Login", null, (_, _) => "/Account/Login?returnUrl=%2FChats", "#login"),
        new("/Account/Logout", "teacher", (_, _) => "/Account/Logout"),
        new("/Error", null, (_, _) => "/Error"),
        // What the service worker shows offline for a page it did not keep (BrowserOfflineTests shows it offline).
        new("/offline.html", null, (_, _) => "/offline.html"),
        // The digest letter's unsubscribe link, opened from a mail program without sign-in (here with a link no letter has).
        new("/Digest/Unsubscribe", null, (_, _) => "/Digest/Unsubscribe?token=no-such-letter", Status: 404),
    ];

    /// <summary>Checked where a video server runs (tests/Sferum.Video.Tests, MeetingAccessibilityTests).</summary>
    private static readonly string[] ElsewhereRoutes = ["/Meetings/{meetingId:guid}", "/Meetings/{meetingId:guid}/guest/{secret}"];

    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        browser = await Browsers.LaunchChromiumAsync(playwright);
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }

    [Fact]
    public void Every_page_of_the_portal_is_visited()
    {
        var pages = EndpointInventory.PageRoutes(env).Select(r => Regex.Replace(r, "/Index$", "")).Select(r => r.Length == 0 ? "/" : r).Distinct().ToList();
        var listed = Visits.Select(v => v.Route).Concat(ElsewhereRoutes).ToList();
        Assert.True(pages.Except(listed).Count() == 0 && listed.Except(pages).Count() == 0,
            $"AccessibilityTests is out of date.\nNot visited:\n  {string.Join("\n  ", pages.Except(listed))}\nListed but gone:\n  {string.Join("\n  ", listed.Except(pages))}");
    }

    [Fact]
    public async Task Every_page_passes_axe_core_with_no_serious_or_critical_violation_on_a_phone()
    {
        var ids = await DemoIds.CreateAsync(env);
        var link = await InvitationLinkAsync(ids);
        var pages = new Dictionary<string, IPage>();
        var failures = new List<string>();
        foreach (var visit in Visits)
        {
            var key = visit.Login ?? "";
            if (!pages.TryGetValue(key, out var page))
            {
                page = await (await browser.NewContextAsync(Phone())).NewPageAsync();
                if (visit.Login is not null)
                {
                    await SignInAsync(page, visit.Login);
                }

                pages[key] = page;
            }

            var url = visit.Url(ids, link);
            var response = await page.GotoAsync(env.Stack.WebUrl + url);
            Assert.True(response?.Status == visit.Status, $"{url} as {visit.Login ?? "a visitor"} answered {response?.Status}, not {visit.Status}");
            await page.WaitForSelectorAsync(visit.ReadySelector ?? "main, body", new() { Timeout = 15_000 });
            failures.AddRange(await AxeCheck.SeriousViolationsAsync(page, $"{url} ({visit.Login ?? "visitor"})", output));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task SignInAsync(IPage page, string login)
    {
        await page.GotoAsync($"{env.Stack.WebUrl}/Chats");
        await page.FillAsync("#login", env.User(login).Login);
        await page.FillAsync("#password", env.User(login).Password);
        await page.ClickAsync("#submit");
        await page.WaitForURLAsync(url => url.StartsWith(env.Stack.WebUrl, StringComparison.Ordinal));
        output.WriteLine($"{login} signed in and landed on {page.Url}");
    }

    private static BrowserNewContextOptions Phone() => new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true };

    /// <summary>A new invitation's link, as the page that creates it shows it (once) to the teacher.</summary>
    private async Task<string> InvitationLinkAsync(DemoIds ids)
    {
        using var teacher = new OidcHttpBrowser(env.Stack.WebUrl);
        await teacher.SignInAsync(env.User("teacher").Login, env.User("teacher").Password);
        var created = await teacher.SubmitAsync($"/Invitations/New?classId={ids.Class}&target=ClassChat", "new-invitation", new() { ["Role"] = "Student" });
        var link = Regex.Match(await created.Content.ReadAsStringAsync(), "id=\"invite-link\" class=\"wide\" readonly value=\"https?://[^/\"]+(/i/[^\"]+)\"");
        Assert.True(link.Success, "the new invitation's page shows no link");
        return link.Groups[1].Value;
    }
}
