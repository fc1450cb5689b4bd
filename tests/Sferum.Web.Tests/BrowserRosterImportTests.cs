using Microsoft.Playwright;
using Sferum.Testing;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>In a real browser a school admin uploads the sample school, sees the preview, applies it and sees the classes.</summary>
[Collection(WebCollection.Name)]
public sealed class BrowserRosterImportTests(WebTestEnvironment env)
{
    [Fact]
    public async Task Upload_preview_apply_and_see_the_classes()
    {
        var schoolId = await SchoolSetup.CreateSchoolAsync(env, "teacher");
        var teacher = env.User("teacher");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"{env.Stack.WebUrl}/Schools/{schoolId}");
        await page.FillAsync("#login", teacher.Login);
        await page.FillAsync("#password", teacher.Password);
        await page.ClickAsync("#submit");
        await page.ClickAsync("#new-import");
        await page.SetInputFilesAsync("#files", Directory.GetFiles(Path.Combine(SharedSamples.SchoolSeven, "journal-utf8")));
        await page.ClickAsync("#upload");

        Assert.Contains("ждёт применения", await page.InnerTextAsync("#status"));
        Assert.Contains("учеников 120", await page.InnerTextAsync("#contents"));
        await page.ClickAsync("#apply");
        Assert.Contains("Применено", await page.InnerTextAsync("#status"));

        await page.GotoAsync($"{env.Stack.WebUrl}/Schools/{schoolId}");
        var classes = await page.InnerTextAsync("#classes");
        foreach (var name in new[] { "1А", "2А", "3А", "4А", "5А" })
        {
            Assert.Contains(name, classes);
        }
    }
}
