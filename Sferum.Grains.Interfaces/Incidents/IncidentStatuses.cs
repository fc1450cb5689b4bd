namespace Sferum.Incidents;

/// <summary>How an incident's status reads on the pages.</summary>
public static class IncidentStatuses
{
    public static string Describe(IncidentStatus status) => status switch
    {
        IncidentStatus.Review => "на проверке",
        IncidentStatus.Open => "инцидент",
        IncidentStatus.Dismissed => "не инцидент",
        _ => "закрыт",
    };
}
