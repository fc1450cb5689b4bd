namespace Sferum.Incidents;

/// <summary>
/// The automatic signals (one grain, key 0): on a durable reminder it reads the recent audit log for one staff account
/// reading an unusual number of profiles, mass or repeated exports, and repeated refused access to another school's
/// data, and opens an incident for review for each — never twice for the same entries.
/// </summary>
[Alias("Sferum.IIncidentSignalsGrain")]
public interface IIncidentSignalsGrain : IGrainWithIntegerKey
{
    /// <summary>Registers the periodic reminder unless it runs already (every silo calls this at start).</summary>
    [Alias("Start")]
    Task StartAsync();

    /// <summary>One scan now; returns how many incidents it opened. Idempotent: a scan right after finds nothing new.</summary>
    [Alias("Scan")]
    Task<int> ScanAsync();
}
