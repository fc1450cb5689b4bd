namespace Sferum.Incidents;

[GenerateSerializer, Alias("Sferum.IncidentSignalsState")]
public sealed class IncidentSignalsState
{
    /// <summary>The database's time of the last completed scan: the next one looks back from there (and a window more).</summary>
    [Id(0)] public DateTimeOffset? LastScanAt { get; set; }

    /// <summary>The period the reminder was registered with, so that a changed setting re-registers it.</summary>
    [Id(1)] public int ScanEveryMinutes { get; set; }
}
