using Sferum.Rosters.Reading.Tables;

namespace Sferum.Rosters.Reading.Journal;

/// <summary>Where each understood column is in one table, and the header text it had there (for messages).</summary>
public sealed class JournalColumns
{
    private readonly Dictionary<JournalField, (int Index, string Header)> columns = [];

    public JournalColumns(RawTable table, ProblemList problems)
    {
        var unknown = new List<string>();
        for (var i = 0; i < table.Headers.Count; i++)
        {
            var header = table.Headers[i].Trim('\uFEFF', ' ');
            if (header.Length == 0)
            {
                continue;
            }

            if (HeaderAliases.Match(header) is { } field)
            {
                columns.TryAdd(field, (i, header));
            }
            else
            {
                unknown.Add(header);
            }
        }

        if (unknown.Count > 0)
        {
            problems.Warning("column.unknown", table.File, 1, null, $"Столбцы не распознаны и будут пропущены: {string.Join(", ", unknown.Select(u => $"«{u}»"))}.");
        }
    }

    public bool Has(JournalField field) => columns.ContainsKey(field);

    public string Header(JournalField field) => columns.TryGetValue(field, out var c) ? c.Header : HeaderAliases.Names[field][0];

    /// <summary>The trimmed cell, or null when the column is absent (unknown) — "" when present but empty.</summary>
    public string? Get(RawRow row, JournalField field) => columns.TryGetValue(field, out var c) ? row.Cell(c.Index) : null;
}
