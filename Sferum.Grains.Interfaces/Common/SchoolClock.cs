using System.Globalization;

namespace Sferum.Common;

/// <summary>
/// The one clock for a school's dates and times (README «Язык и локализация»): grains and pages alike read an instant
/// in the school's IANA zone (<c>SchoolSummary.TimeZone</c>), so "14:10" or "on Monday" means the school's.
/// Fallback: an empty or unknown zone id (a person with no school, a machine whose tz database lacks the zone) reads
/// Moscow time, the reference time of Russian law; should the machine have no tz database at all, Moscow is built as
/// a fixed UTC+3, which it has been since 2014 (Russia keeps no summer time).
/// </summary>
public sealed class SchoolClock
{
    public const string FallbackZoneId = "Europe/Moscow";

    /// <summary>How pages and letters show an instant: "04.12.2026 19:15".</summary>
    public const string DisplayFormat = "dd.MM.yyyy HH:mm";

    public static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    public static SchoolClock Fallback { get; } = new(FallbackZone());

    private SchoolClock(TimeZoneInfo zone) => Zone = zone;

    public TimeZoneInfo Zone { get; }

    /// <summary>The IANA id: "Asia/Vladivostok".</summary>
    public string ZoneId => Zone.Id;

    public static SchoolClock For(string? timeZone) =>
        !string.IsNullOrWhiteSpace(timeZone) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? new(zone) : Fallback;

    /// <summary>The instant on the school's clock (its offset is the school's), for a format of the caller's own.</summary>
    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>The school's wall clock now, for a form's default ("detected at").</summary>
    public DateTime Now(TimeProvider time) => Local(time.GetUtcNow()).DateTime;

    /// <summary>The school's calendar day at that instant: a letter that came on Monday in Vladivostok came on Monday.</summary>
    public DateOnly Date(DateTimeOffset at) => DateOnly.FromDateTime(Local(at).DateTime);

    /// <summary>A wall-clock time of the school (a typed time, the start of a day) as an instant.</summary>
    public DateTimeOffset At(DateTime local)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(wall, Zone.GetUtcOffset(wall));
    }

    /// <summary>Midnight of that day at the school.</summary>
    public DateTimeOffset StartOf(DateOnly day) => At(day.ToDateTime(TimeOnly.MinValue));

    public string Format(DateTimeOffset at, string format = DisplayFormat) => Local(at).ToString(format, Russian);

    public static string Format(DateOnly day) => day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>The zone as a reader sees it beside a time: "Asia/Vladivostok, UTC+10:00".</summary>
    public string Describe(DateTimeOffset at)
    {
        var offset = Zone.GetUtcOffset(at);
        return $@"{ZoneId}, UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\:mm}";
    }

    /// <summary>The value for an <c>input type="datetime-local"</c>.</summary>
    public string Input(DateTimeOffset at) => Local(at).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>A time typed in the school's zone, as a UTC instant.</summary>
    public DateTimeOffset FromInput(DateTime local) => At(local).ToUniversalTime();

    private static TimeZoneInfo FallbackZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(FallbackZoneId, out var moscow)
            ? moscow
            : TimeZoneInfo.CreateCustomTimeZone(FallbackZoneId, TimeSpan.FromHours(3), "Москва", "Москва");
}
