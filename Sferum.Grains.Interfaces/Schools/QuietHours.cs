using Sferum.Common;

namespace Sferum.Schools;

/// <summary>
/// A school's quiet hours: from <see cref="StartMinute"/> to <see cref="EndMinute"/> (minutes after midnight, the end
/// next morning when it is earlier than the start) in the school's time zone. During them students get no
/// notifications of new messages, and teachers are offered to send in the morning instead.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.QuietHours")]
public sealed record QuietHours(
    [property: Id(0)] bool Enabled,
    [property: Id(1)] int StartMinute,
    [property: Id(2)] int EndMinute,
    [property: Id(3)] string TimeZone)
{
    public static QuietHours For(SchoolChatPolicy policy, string timeZone)
    {
        // A school stored before quiet hours existed reads 0–0: that is no window at all, so it gets the default.
        var (start, end) = policy.QuietStartMinute == policy.QuietEndMinute
            ? (SchoolChatPolicy.DefaultQuietStart, SchoolChatPolicy.DefaultQuietEnd)
            : (policy.QuietStartMinute, policy.QuietEndMinute);
        return new QuietHours(!policy.QuietHoursOff, start, end, timeZone);
    }

    /// <summary>"21:00–08:00".</summary>
    public string Window => $"{Clock(StartMinute)}–{Clock(EndMinute)}";

    public string EndsAtText => Clock(EndMinute);

    public bool IsQuiet(DateTimeOffset at) => Enabled && Inside(MinuteOfDay(Local(at)));

    /// <summary>When the quiet period that contains <paramref name="at"/> ends ("the morning"); null when it is not quiet.</summary>
    public DateTimeOffset? EndOf(DateTimeOffset at)
    {
        if (!IsQuiet(at))
        {
            return null;
        }

        var local = Local(at);
        var endToday = local.Date.AddMinutes(EndMinute);
        var end = endToday > local.DateTime ? endToday : endToday.AddDays(1);
        return new DateTimeOffset(end, Zone.GetUtcOffset(end));
    }

    private bool Inside(int minute) => StartMinute < EndMinute
        ? minute >= StartMinute && minute < EndMinute
        : minute >= StartMinute || minute < EndMinute;

    /// <summary>The moment in the school's time zone (for messages that name a time).</summary>
    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    private TimeZoneInfo Zone => SchoolClock.For(TimeZone).Zone;

    private static int MinuteOfDay(DateTimeOffset local) => local.Hour * 60 + local.Minute;

    private static string Clock(int minute) => $"{minute / 60:00}:{minute % 60:00}";

    /// <summary>Parses "21:00" into minutes after midnight; null when it is not a time of day.</summary>
    public static int? ParseClock(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["H:mm", "HH:mm"], out var time) ? time.Hour * 60 + time.Minute : null;
}
