namespace Sferum.Incidents;

/// <summary>The two notices to Roskomnadzor (152-FZ art. 21 part 3.1).</summary>
[GenerateSerializer, Alias("Sferum.IncidentNotice")]
public enum IncidentNotice
{
    /// <summary>Within 24 hours of detection: what happened, its presumed causes and harm, what was done, the contact.</summary>
    First = 0,

    /// <summary>Within 72 hours: the results of the internal investigation and who was responsible, if known.</summary>
    Results = 1,
}
