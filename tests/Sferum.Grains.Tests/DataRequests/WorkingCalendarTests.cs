using Sferum.DataRequests;

namespace Sferum.Grains.Tests.DataRequests;

/// <summary>Working days and the due dates counted in them: weekends, holidays, working Saturdays, the one extension.</summary>
public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Plain = new([], []);

    private static DateOnly D(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd");

    [Theory]
    [InlineData("2026-12-03", 1, "2026-12-04")] // Thursday → Friday
    [InlineData("2026-12-04", 1, "2026-12-07")] // Friday → Monday: the weekend does not count
    [InlineData("2026-12-05", 1, "2026-12-07")] // a letter that came on Saturday: the period starts on Monday
    [InlineData("2026-12-04", 10, "2026-12-18")] // two whole weeks
    [InlineData("2026-12-02", 7, "2026-12-11")]
    public void Weekends_are_not_working_days(string from, int days, string due) =>
        Assert.Equal(D(due), Plain.AddWorkingDays(D(from), days));

    [Fact]
    public void A_configured_holiday_is_skipped_and_a_working_saturday_counts()
    {
        var calendar = new WorkingCalendar([D("2026-12-07")], [D("2026-12-12")]);
        Assert.False(calendar.IsWorkingDay(D("2026-12-07")));
        Assert.True(calendar.IsWorkingDay(D("2026-12-12")));
        Assert.Equal(D("2026-12-08"), calendar.AddWorkingDays(D("2026-12-04"), 1)); // Monday is a holiday
        // Tue 8 … Fri 11 are four, the working Saturday the 12th the fifth.
        Assert.Equal(D("2026-12-12"), calendar.AddWorkingDays(D("2026-12-04"), 5));
        Assert.Equal(D("2026-12-14"), Plain.AddWorkingDays(D("2026-12-04"), 6));
    }

    [Fact]
    public void The_shipped_calendar_knows_the_new_year_holidays_of_2026_and_2027()
    {
        var calendar = ShippedCalendar.Calendar;
        foreach (var holiday in new[] { "2026-01-09", "2026-03-09", "2026-05-11", "2026-12-31", "2027-01-04", "2027-01-08", "2027-05-03", "2027-06-14" })
        {
            Assert.False(calendar.IsWorkingDay(D(holiday)), holiday);
        }

        Assert.True(calendar.IsWorkingDay(D("2026-12-30")));
        // A letter of Friday 25 December 2026: 28, 29, 30 December, then nothing until Monday 11 January 2027.
        Assert.Equal(D("2027-01-19"), calendar.AddWorkingDays(D("2026-12-25"), 10));
        Assert.Equal(D("2027-01-11"), calendar.AddWorkingDays(D("2026-12-30"), 1));
    }

    [Fact]
    public void Each_kind_of_request_gets_its_deadline_and_an_access_answer_its_one_extension()
    {
        var deadlines = new RequestDeadlines(ShippedCalendar.Calendar, ShippedCalendar.Deadlines);
        var friday = D("2026-12-04");
        Assert.Equal((D("2026-12-18"), (DateOnly?)null), deadlines.For(DataRequestKind.Access, friday));
        Assert.Equal((D("2026-12-15"), (DateOnly?)null), deadlines.For(DataRequestKind.Correction, friday));
        Assert.Equal((D("2026-12-09"), (DateOnly?)D("2026-12-18")), deadlines.For(DataRequestKind.UnlawfulProcessing, friday));
        // Withdrawal of consent: 30 calendar days, holidays or not.
        Assert.Equal((D("2027-01-03"), (DateOnly?)null), deadlines.For(DataRequestKind.ConsentWithdrawal, friday));

        Assert.Equal(D("2026-12-25"), deadlines.Extend(D("2026-12-18")));
        // Extended over the new year: 28–30 December, then 11 and 12 January.
        Assert.Equal(D("2027-01-12"), deadlines.Extend(D("2026-12-25")));
    }

    [Fact]
    public void Deadlines_follow_the_configuration()
    {
        var deadlines = new RequestDeadlines(Plain, new RequestDeadlineOptions { AccessWorkingDays = 3, AccessExtensionWorkingDays = 1, CorrectionWorkingDays = 2 });
        Assert.Equal(D("2026-12-09"), deadlines.For(DataRequestKind.Access, D("2026-12-04")).Due);
        Assert.Equal(D("2026-12-08"), deadlines.For(DataRequestKind.Correction, D("2026-12-04")).Due);
        Assert.Equal(D("2026-12-10"), deadlines.Extend(D("2026-12-09")));
        Assert.Contains(new RequestDeadlineOptions { AccessWorkingDays = 0 }.Problems(), p => p.Contains("Sferum:PersonalData:Deadlines:AccessWorkingDays"));
        Assert.Empty(new RequestDeadlineOptions().Problems());
    }

    [Fact]
    public void A_calendar_without_working_days_fails_instead_of_spinning()
    {
        var everyDay = Enumerable.Range(0, 3700).Select(i => D("2026-12-01").AddDays(i));
        var error = Assert.Throws<InvalidOperationException>(() => new WorkingCalendar(everyDay, []).AddWorkingDays(D("2026-12-01"), 1));
        Assert.Contains("Sferum:PersonalData:Holidays", error.Message);
    }
}
