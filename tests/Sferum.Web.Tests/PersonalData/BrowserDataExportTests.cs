using System.IO.Compression;
using Microsoft.Playwright;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests.PersonalData;

/// <summary>
/// «Мои данные» in Chromium on a phone-sized screen: a mother asks for her son's archive, the page follows its
/// preparation by itself, she downloads it once, and the page then says it is gone.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class BrowserDataExportTests(WebTestEnvironment env)
{
    [Fact]
    public async Task A_mother_prepares_and_downloads_her_sons_archive_once_from_her_phone()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var page = await Browsers.SignInAsync(browser, env, "parent", phone: true);
        var son = env.User("student");

        await page.GotoAsync($"{env.Stack.WebUrl}/Profile");
        await page.ClickAsync("#my-data");
        await page.ClickAsync($"button.export-start:has-text('Данные ребёнка: {son.LastName} {son.FirstName}')");
        Assert.Contains("готовится", await page.InnerTextAsync("p.notice"));

        // Nobody reloads: the page follows the job and shows the link once the archive is ready.
        var link = page.Locator(".export[data-status='Ready'] .export-download").First;
        await link.WaitForAsync(new() { Timeout = 60_000 });
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"sferum-export-{Guid.NewGuid():N}.zip");
        try
        {
            await download.SaveAsAsync(path);
            using var zip = ZipFile.OpenRead(path);
            using var roster = new StreamReader(zip.GetEntry("roster.json")!.Open());
            Assert.Contains(son.Snils!, await roster.ReadToEndAsync());
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Contains("скачан и удалён", await page.InnerTextAsync(".export"));
        await page.ReloadAsync();
        Assert.Equal("Downloaded", await page.GetAttributeAsync(".export", "data-status"));
        Assert.Equal(0, await page.Locator(".export-download").CountAsync());
    }
}
