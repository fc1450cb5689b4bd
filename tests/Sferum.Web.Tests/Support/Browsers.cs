using Microsoft.Playwright;

namespace Sferum.Web.Tests.Support;

/// <summary>Debian's Chromium (never a downloaded browser), with the flags that keep it off the network.</summary>
public static class Browsers
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: apt-get install -y chromium (.ci/run does it).");
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
            ],
        });
    }
}
