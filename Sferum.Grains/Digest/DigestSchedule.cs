namespace Sferum.Digest;

/// <summary>When a person's next digest is due: daily at an hour of the school's time zone, or every N hours.</summary>
public static class DigestSchedule
{
    public static DateTimeOffset Next(DateTimeOffset now, int everyHours, int sendHour, string timeZone)
    {
        if (everyHours > 0)
        {
            return now.AddHours(everyHours);
        }

        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = local.Date.AddHours(sendHour);
        var next = today > local.DateTime ? today : today.AddDays(1);
        return new DateTimeOffset(next, zone.GetUtcOffset(next));
    }
}
