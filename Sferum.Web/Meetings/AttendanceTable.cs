using System.Globalization;
using System.Text;
using Sferum.Common;
using Sferum.Meetings;

namespace Sferum.Web.Meetings;

/// <summary>
/// Attendance as a spreadsheet that Excel and LibreOffice open as they are (semicolons, UTF-8 with a byte-order mark,
/// times on the clock of the meeting's school): one row per stay, with its minutes, and each person's total.
/// </summary>
public static class AttendanceTable
{
    /// <summary>The table's words in the reader's language: the header row and what a stay not yet ended says.</summary>
    public sealed record Texts(string Header, string StillIn);

    public static string Csv(IReadOnlyList<AttendanceEntry> entries, DateTimeOffset now, SchoolClock clock, Texts texts)
    {
        var text = new StringBuilder(texts.Header).Append("\r\n");
        var totals = entries.GroupBy(e => e.UserId).ToDictionary(g => g.Key, g => g.Sum(e => Minutes(e, now)));
        foreach (var e in entries.OrderBy(e => e.Name, StringComparer.Create(new CultureInfo("ru-RU"), false)).ThenBy(e => e.JoinedAt))
        {
            text.Append(Cell(e.Name)).Append(';')
                .Append(clock.Format(e.JoinedAt, TimeFormat)).Append(';')
                .Append(e.LeftAt is { } left ? clock.Format(left, TimeFormat) : texts.StillIn).Append(';')
                .Append(Minutes(e, now).ToString("0.#", CultureInfo.GetCultureInfo("ru-RU"))).Append(';')
                .Append(totals[e.UserId].ToString("0.#", CultureInfo.GetCultureInfo("ru-RU"))).Append("\r\n");
        }

        return text.ToString();
    }

    private static double Minutes(AttendanceEntry e, DateTimeOffset now) => Math.Round(((e.LeftAt ?? now) - e.JoinedAt).TotalMinutes, 1);

    private const string TimeFormat = "dd.MM.yyyy HH:mm:ss";

    /// <summary>A name as one cell: quoted when it holds the separator or a quote, and never read as a formula.</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0]))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
