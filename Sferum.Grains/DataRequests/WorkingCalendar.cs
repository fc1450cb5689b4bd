namespace Sferum.DataRequests;

/// <summary>
/// Working days as the Russian production calendar counts them: Monday to Friday, less the holidays and the days off
/// moved onto weekdays (<see cref="WorkingCalendarOptions.Holidays"/>), plus the Saturdays or Sundays a transfer made
/// working days (<see cref="WorkingCalendarOptions.WorkingWeekends"/>). A period "within N working days" of a letter
/// starts the day after it arrived (Civil Code art. 191) and ends on the Nth working day: that day is still in time.
/// </summary>
public sealed class WorkingCalendar
{
    // Ten years of days: a calendar whose every day is a holiday must fail, not spin.
    private const int MaxSearchDays = 3660;

    private readonly HashSet<DateOnly> holidays;
    private readonly HashSet<DateOnly> workingWeekends;

    public WorkingCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workingWeekends)
    {
        this.holidays = [.. holidays];
        this.workingWeekends = [.. workingWeekends];
    }

    public static WorkingCalendar From(WorkingCalendarOptions options) => new(options.Holidays, options.WorkingWeekends);

    public bool IsWorkingDay(DateOnly day) =>
        workingWeekends.Contains(day) || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day));

    /// <summary>The <paramref name="days"/>th working day after <paramref name="from"/>.</summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var (day, counted) = (from, 0);
        for (var step = 0; step < MaxSearchDays; step++)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day) && ++counted == days)
            {
                return day;
            }
        }

        throw new InvalidOperationException($"The working-day calendar has fewer than {days} working days in the ten years after {from:yyyy-MM-dd}: check {WorkingCalendarOptions.Section}:Holidays.");
    }
}
