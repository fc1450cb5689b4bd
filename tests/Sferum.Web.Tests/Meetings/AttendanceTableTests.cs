using Sferum.Common;
using Sferum.Meetings;
using Sferum.Web.Meetings;

namespace Sferum.Web.Tests.Meetings;

public sealed class AttendanceTableTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 7, 0, 0, TimeSpan.Zero);

    // The shipped Russian texts (Attendance.CsvHeader, Attendance.StillIn in SharedResource.resx).
    private static readonly AttendanceTable.Texts Russian = new("Участник;Вошёл;Вышел;Минут;Всего минут у участника", "сейчас во встрече");

    [Fact]
    public void Each_stay_is_a_row_in_the_schools_time_with_its_minutes_and_the_persons_total_and_names_never_become_formulas()
    {
        var ivan = Guid.NewGuid();
        var csv = AttendanceTable.Csv(
        [
            new AttendanceEntry(ivan, "Петров Иван", At, At.AddMinutes(10)),
            new AttendanceEntry(ivan, "Петров Иван", At.AddMinutes(15), At.AddMinutes(20)),
            new AttendanceEntry(Guid.NewGuid(), "=HYPERLINK(\"x\")", At, null),
        ], At.AddMinutes(30), SchoolClock.For("Europe/Moscow"), Russian);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Участник;Вошёл;Вышел;Минут;Всего минут у участника", lines[0]);
        Assert.Contains("Петров Иван;02.12.2026 10:00:00;02.12.2026 10:10:00;10;15", lines);
        Assert.Contains("Петров Иван;02.12.2026 10:15:00;02.12.2026 10:20:00;5;15", lines);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\";02.12.2026 10:00:00;сейчас во встрече;30;30", lines);
    }

    [Fact]
    public void A_meeting_of_a_school_in_Vladivostok_is_listed_on_Vladivostok_time()
    {
        var csv = AttendanceTable.Csv([new AttendanceEntry(Guid.NewGuid(), "Петров Иван", At, At.AddMinutes(10))], At.AddMinutes(30),
            SchoolClock.For("Asia/Vladivostok"), Russian);
        Assert.Contains("Петров Иван;02.12.2026 17:00:00;02.12.2026 17:10:00;10;10", csv.Split("\r\n"));
    }
}
