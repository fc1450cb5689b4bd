using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using OtpNet;

namespace Sferum.Web.Tests.Support;

/// <summary>
/// An authenticator app for the portal's tests: enrols a signed-in user through the profile page, as a person would
/// (the secret read from the page), once per test run, and makes codes. A code is good once per 30-second step and the
/// portal accepts one step early, so each code takes the next unused step, waiting when two come too fast.
/// </summary>
public static partial class WebAuthenticator
{
    private static readonly ConcurrentDictionary<string, (byte[] Secret, long LastStep)> Enrolled = new();
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<string> CodeAsync(OidcHttpBrowser browser, string login)
    {
        await Gate.WaitAsync();
        try
        {
            if (!Enrolled.TryGetValue(login, out var app))
            {
                var page = await browser.SubmitAsync("/Profile", "id=\"begin-second-factor\"", new());
                var secret = Base32Encoding.ToBytes(SecretPattern().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value);
                var step = Step(DateTime.UtcNow);
                var confirmed = await browser.SubmitOnAsync(page, "id=\"second-factor-code\"", new() { ["code"] = new Totp(secret).ComputeTotp(DateTime.UtcNow) });
                Assert.Contains("Приложение для одноразовых кодов подключено", await confirmed.Content.ReadAsStringAsync());
                app = (secret, step);
            }

            var next = Math.Max(Step(DateTime.UtcNow), app.LastStep + 1);
            while (next > Step(DateTime.UtcNow) + 1)
            {
                await Task.Delay(1000);
            }

            Enrolled[login] = (app.Secret, next);
            return new Totp(app.Secret).ComputeTotp(DateTime.UnixEpoch.AddSeconds(next * 30));
        }
        finally
        {
            Gate.Release();
        }
    }

    private static long Step(DateTime utc) => (long)(utc - DateTime.UnixEpoch).TotalSeconds / 30;

    [GeneratedRegex("<code id=\"second-factor-secret\">([A-Z2-7=]+)</code>")]
    private static partial Regex SecretPattern();
}
