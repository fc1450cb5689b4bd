namespace Sferum.Rosters;

/// <summary>Errors block applying an import; warnings are shown and do not.</summary>
public enum ProblemSeverity
{
    Error = 0,
    Warning = 1,
}
