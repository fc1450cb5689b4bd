namespace Sferum.Web.Tests.Support;

/// <summary>
/// Registers formal requests and incidents of the demo school through its pages, as its admin would: the demo pupil
/// (journal id DEMO-S0) and his mother (DEMO-P0) write on paper.
/// </summary>
public static class DataRequestPages
{
    public const string DemoPupil = "j:DEMO-S0";
    public const string DemoMother = "j:DEMO-P0";

    public static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, Moscow));

    /// <summary>Registers a request and returns its id (from the details page it lands on).</summary>
    public static async Task<Guid> RegisterAsync(OidcHttpBrowser admin, Guid school, string kind = "Access", string subject = DemoPupil,
        string? representative = DemoMother, DateOnly? receivedOn = null)
    {
        var registered = await admin.SubmitAsync($"/Schools/{school}/DataRequests/New?subject={Uri.EscapeDataString(subject)}", "register-request", new()
        {
            ["Input.Kind"] = kind,
            ["Input.Representative"] = representative ?? "",
            ["Input.ReceivedOn"] = (receivedOn ?? Today).ToString("yyyy-MM-dd"),
            ["Input.Details"] = "Просят сообщить, какие данные обрабатываются",
        });
        var path = registered.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.True(registered.IsSuccessStatusCode && path.StartsWith($"/Schools/{school}/DataRequests/", StringComparison.Ordinal),
            $"{(int)registered.StatusCode} {path}\n{await registered.Content.ReadAsStringAsync()}");
        return Guid.Parse(path[(path.LastIndexOf('/') + 1)..]);
    }

    /// <summary>Registers an incident detected an hour ago and returns its id.</summary>
    public static async Task<Guid> RegisterIncidentAsync(OidcHttpBrowser admin, Guid school)
    {
        var registered = await admin.SubmitAsync($"/Schools/{school}/Incidents", "register-incident", new()
        {
            ["Input.Description"] = "Список класса с телефонами родителей отправлен в чужой чат",
            ["Input.DataSubjects"] = "ученики 5А и их родители",
            ["Input.PeopleCount"] = "26",
            ["Input.DetectedAt"] = TimeZoneInfo.ConvertTime(DateTime.UtcNow.AddHours(-1), Moscow).ToString("yyyy-MM-ddTHH:mm"),
            ["Input.Measures"] = "Сообщение удалено",
        });
        var path = registered.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.True(registered.IsSuccessStatusCode && path.StartsWith($"/Schools/{school}/Incidents/", StringComparison.Ordinal),
            $"{(int)registered.StatusCode} {path}\n{await registered.Content.ReadAsStringAsync()}");
        return Guid.Parse(path[(path.LastIndexOf('/') + 1)..]);
    }

    public static async Task<(Guid DataRequest, Guid Incident)> RegisterDemoAsync(OidcHttpBrowser admin, Guid school) =>
        (await RegisterAsync(admin, school), await RegisterIncidentAsync(admin, school));

    /// <summary>The <paramref name="days"/>th working day after <paramref name="from"/> by the silo's shipped calendar, counted here on its own.</summary>
    public static DateOnly WorkingDaysAfter(DateOnly from, int days, Sferum.Local.SolutionLayout layout)
    {
        using var settings = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(layout.Root, "Sferum.Silo", "appsettings.json")));
        var holidays = settings.RootElement.GetProperty("Sferum").GetProperty("PersonalData").GetProperty("Holidays").EnumerateArray()
            .Select(d => DateOnly.Parse(d.GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        var day = from;
        while (days > 0)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day))
            {
                days--;
            }
        }

        return day;
    }
}
