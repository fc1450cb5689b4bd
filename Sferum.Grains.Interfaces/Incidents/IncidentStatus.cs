namespace Sferum.Incidents;

/// <summary>Where an incident stands. Stored as its number.</summary>
[GenerateSerializer, Alias("Sferum.IncidentStatus")]
public enum IncidentStatus
{
    /// <summary>Opened by an automatic signal: someone must look whether it is an incident. The deadlines run already.</summary>
    Review = 0,

    /// <summary>A suspected or confirmed incident being handled.</summary>
    Open = 1,

    /// <summary>Looked at: no incident (a signal's false alarm). Its reminders stop.</summary>
    Dismissed = 2,

    /// <summary>Handled: both notices sent, investigation done.</summary>
    Closed = 3,
}
