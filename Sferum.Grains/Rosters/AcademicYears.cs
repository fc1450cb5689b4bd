using Sferum.Common;

namespace Sferum.Rosters;

/// <summary>
/// Russian schools' academic year runs from 1 September; exports made in August already prepare the next one, so a
/// roster uploaded from August on belongs to the year that starts that autumn.
/// </summary>
public static class AcademicYears
{
    public static string At(DateTimeOffset now, string timeZone)
    {
        var local = SchoolClock.For(timeZone).Local(now);
        var start = local.Month >= 8 ? local.Year : local.Year - 1;
        return $"{start}/{start + 1}";
    }
}
