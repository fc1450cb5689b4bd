using System.Text.RegularExpressions;

namespace Sferum.Web.Tests.Support;

/// <summary>The demo school's quiet hours, set as its admin sets them on the school page.</summary>
public static partial class QuietHours
{
    public static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    public static DateTimeOffset MoscowNow => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Moscow);

    public static async Task<Guid> DemoSchoolAsync(OidcHttpBrowser admin) =>
        Guid.Parse(SchoolLink().Match(await (await admin.GetAsync("/")).Content.ReadAsStringAsync()).Groups[1].Value);

    public static async Task SetAsync(OidcHttpBrowser admin, Guid school, DateTimeOffset from, DateTimeOffset to)
    {
        var response = await admin.SubmitAsync($"/Schools/{school}", "id=\"chat-policy\"",
            new() { ["quietFrom"] = from.ToString("HH:mm"), ["quietTo"] = to.ToString("HH:mm") });
        Assert.DoesNotContain("Тихие часы: укажите", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Back to the default window (21:00–08:00), as every test that changed it leaves the school.</summary>
    public static Task RestoreAsync(OidcHttpBrowser admin, Guid school) =>
        SetAsync(admin, school, DateTimeOffset.Parse("2026-01-01T21:00:00+03:00"), DateTimeOffset.Parse("2026-01-01T08:00:00+03:00"));

    [GeneratedRegex("<a href=\"/Schools/([0-9a-f-]{36})\">Школа № 7</a>")]
    private static partial Regex SchoolLink();
}
