namespace Sferum.Incidents;

/// <summary>
/// The automatic signals over the audit log (configuration section <c>Sferum:PersonalData:Signals</c>). Each counts
/// one staff account's entries in any sliding window of the given minutes and opens an incident for review at the
/// threshold.
/// </summary>
public sealed class SignalOptions
{
    public const string Section = "Sferum:PersonalData:Signals";

    /// <summary>How often the scan runs (an Orleans reminder; at least 1).</summary>
    public int ScanEveryMinutes { get; set; } = 10;

    /// <summary><c>person.contact-viewed</c> entries of one account in the window: someone reading many people's contact data.</summary>
    public int ProfileReadsThreshold { get; set; } = 50;

    public int ProfileReadsWindowMinutes { get; set; } = 60;

    /// <summary>One <c>audit.exported</c> of at least this many entries is a mass export.</summary>
    public int ExportedEntriesThreshold { get; set; } = 5000;

    /// <summary>This many exports by one account in the window are repeated exports.</summary>
    public int ExportsThreshold { get; set; } = 5;

    public int ExportsWindowMinutes { get; set; } = 60;

    /// <summary><c>access.refused</c> entries of one account in a school it does not belong to, in the window.</summary>
    public int RefusalsThreshold { get; set; } = 10;

    public int RefusalsWindowMinutes { get; set; } = 60;

    /// <summary>How far back a scan looks at most, after the scanner was not running (hours).</summary>
    public int MaxLookbackHours { get; set; } = 168;

    public IEnumerable<string> Problems()
    {
        foreach (var (key, value) in new[]
                 {
                     (nameof(ScanEveryMinutes), ScanEveryMinutes), (nameof(ProfileReadsThreshold), ProfileReadsThreshold),
                     (nameof(ProfileReadsWindowMinutes), ProfileReadsWindowMinutes), (nameof(ExportedEntriesThreshold), ExportedEntriesThreshold),
                     (nameof(ExportsThreshold), ExportsThreshold), (nameof(ExportsWindowMinutes), ExportsWindowMinutes),
                     (nameof(RefusalsThreshold), RefusalsThreshold), (nameof(RefusalsWindowMinutes), RefusalsWindowMinutes),
                     (nameof(MaxLookbackHours), MaxLookbackHours),
                 })
        {
            if (value < 1)
            {
                yield return $"{Section}:{key} must be at least 1 (found {value})";
            }
        }
    }
}
