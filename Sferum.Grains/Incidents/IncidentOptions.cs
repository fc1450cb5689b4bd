namespace Sferum.Incidents;

/// <summary>
/// The incident deadlines (configuration section <c>Sferum:PersonalData:Incidents</c>), with the defaults of 152-FZ
/// art. 21 part 3.1; laws change, so each is a setting.
/// </summary>
public sealed class IncidentOptions
{
    public const string Section = "Sferum:PersonalData:Incidents";

    /// <summary>The first notice to Roskomnadzor, in hours from detection.</summary>
    public int FirstNoticeHours { get; set; } = 24;

    /// <summary>The results of the internal investigation, in hours from detection.</summary>
    public int ResultsHours { get; set; } = 72;

    /// <summary>How long before each deadline the responsible people are reminded (again); they are also told at registration and when it passes.</summary>
    public int RemindHoursBefore { get; set; } = 6;

    public IEnumerable<string> Problems()
    {
        if (FirstNoticeHours < 1 || ResultsHours < FirstNoticeHours)
        {
            yield return $"{Section}: FirstNoticeHours must be at least 1 and ResultsHours at least FirstNoticeHours (found {FirstNoticeHours} and {ResultsHours})";
        }

        if (RemindHoursBefore < 0 || RemindHoursBefore >= FirstNoticeHours)
        {
            yield return $"{Section}:RemindHoursBefore must be between 0 and FirstNoticeHours - 1 (found {RemindHoursBefore})";
        }
    }
}
