namespace Sferum.Rosters;

/// <summary>
/// One problem found in an uploaded roster, located as precisely as the input allows so that a school admin can fix
/// it in the journal: the file (or "file.zip/users.csv", "book.xlsx/Учащиеся"), the 1-based row as a spreadsheet
/// shows it (the header is row 1), and the column as named in the file's header.
/// </summary>
/// <param name="Code">Stable reason, e.g. <c>snils.invalid</c>; tests and the push API's clients match on it.</param>
/// <param name="Message">Russian, for the admin, e.g. "СНИЛС 123-456-789 00 не проходит проверку контрольного числа".</param>
[GenerateSerializer, Immutable, Alias("Sferum.ImportProblem")]
public sealed record ImportProblem(
    [property: Id(0)] ProblemSeverity Severity,
    [property: Id(1)] string Code,
    [property: Id(2)] string File,
    [property: Id(3)] int? Row,
    [property: Id(4)] string? Column,
    [property: Id(5)] string Message);
