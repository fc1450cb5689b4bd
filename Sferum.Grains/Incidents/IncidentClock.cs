using Sferum.Common;

namespace Sferum.Incidents;

/// <summary>
/// Times of an incident as its school reads them, for the notices to the regulator: the school's clock
/// (<see cref="SchoolClock"/>), with the zone named, since the notice leaves the school.
/// </summary>
public sealed class IncidentClock(SchoolClock clock)
{
    public static IncidentClock For(string? timeZone) => new(SchoolClock.For(timeZone));

    public string Format(DateTimeOffset at) => $"{clock.Format(at)} ({clock.ZoneId})";
}
