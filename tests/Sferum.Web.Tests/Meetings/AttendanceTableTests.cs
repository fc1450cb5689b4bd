using Sferum.Meetings;
using Sferum.Web.Meetings;

namespace Sferum.Web.Tests.Meetings;

public sealed class AttendanceTableTests
{
    [Fact]
    public void Each_stay_is_a_row_in_moscow_time_with_its_minutes_and_the_persons_total_and_names_never_become_formulas()
    {
        var at = new DateTimeOffset(2026, 12, 2, 7, 0, 0, TimeSpan.Zero);
        var ivan = Guid.NewGuid();
        var csv = AttendanceTable.Csv(
        [
            new AttendanceEntry(ivan, "Петров Иван", at, at.AddMinutes(10)),
            new AttendanceEntry(ivan, "Петров Иван", at.AddMinutes(15), at.AddMinutes(20)),
            new AttendanceEntry(Guid.NewGuid(), "=HYPERLINK(\"x\")", at, null),
        ], at.AddMinutes(30));
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Участник;Вошёл;Вышел;Минут;Всего минут у участника", lines[0]);
        Assert.Contains("Петров Иван;02.12.2026 10:00:00;02.12.2026 10:10:00;10;15", lines);
        Assert.Contains("Петров Иван;02.12.2026 10:15:00;02.12.2026 10:20:00;5;15", lines);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\";02.12.2026 10:00:00;сейчас во встрече;30;30", lines);
    }
}
