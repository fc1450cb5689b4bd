namespace Sferum.DataRequests;

/// <summary>
/// The working-day calendar (configuration section <c>Sferum:PersonalData</c>): the production calendar's non-working
/// weekdays and its working weekend days. The silo's appsettings.json ships Russia's 2026 and 2027 calendars; a year
/// not listed counts every weekday as a working day.
/// </summary>
public sealed class WorkingCalendarOptions
{
    public const string Section = "Sferum:PersonalData";

    /// <summary>Holidays and days off moved onto weekdays (a weekend day listed here changes nothing).</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>Saturdays or Sundays that a transfer of days off made working days.</summary>
    public List<DateOnly> WorkingWeekends { get; set; } = [];
}
