using System.Globalization;

namespace Sferum.Incidents;

/// <summary>Times of an incident as its school reads them: in the school's time zone, with the zone named.</summary>
public sealed class IncidentClock(TimeZoneInfo zone)
{
    public static IncidentClock For(string? timeZone) =>
        new(string.IsNullOrEmpty(timeZone) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(timeZone));

    public string Format(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture) + $" ({zone.Id})";
}
