namespace Sferum.PersonalData;

/// <summary>Configuration section <c>Sferum:PersonalData:Exports</c>.</summary>
public sealed class DataExportOptions
{
    public const string Section = "Sferum:PersonalData:Exports";

    /// <summary>How long a finished archive waits for its one download before it is deleted.</summary>
    public int KeepHours { get; set; } = 24;

    /// <summary>How many exports one user may ask for in a day (each reads every message they wrote).</summary>
    public int PerDay { get; set; } = 5;
}
