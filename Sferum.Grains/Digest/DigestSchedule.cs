using Sferum.Common;

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

        var clock = SchoolClock.For(timeZone);
        var local = clock.Local(now);
        var today = local.Date.AddHours(sendHour);
        return clock.At(today > local.DateTime ? today : today.AddDays(1));
    }
}
