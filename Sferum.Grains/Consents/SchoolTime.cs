namespace Sferum.Consents;

/// <summary>Dates as the school sees them: a deadline or a birthday falls on the school's calendar day, not UTC's.</summary>
public static class SchoolTime
{
    public static DateOnly Date(DateTimeOffset at, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone(timeZone)).DateTime);

    private static TimeZoneInfo Zone(string timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
