namespace Sferum.DataRequests;

/// <summary>
/// The deadlines of data subjects' requests (configuration section <c>Sferum:PersonalData:Deadlines</c>), with the
/// defaults of 152-FZ as amended in 2022; laws change, so each is a setting. Working days follow <see cref="WorkingCalendar"/>.
/// </summary>
public sealed class RequestDeadlineOptions
{
    public const string Section = "Sferum:PersonalData:Deadlines";

    /// <summary>Art. 14 part 3, art. 20 parts 1–2: the answer to an access request.</summary>
    public int AccessWorkingDays { get; set; } = 10;

    /// <summary>The one extension of an access answer, with a reasoned notice to the requester.</summary>
    public int AccessExtensionWorkingDays { get; set; } = 5;

    /// <summary>Art. 21 part 2: correcting inaccurate data.</summary>
    public int CorrectionWorkingDays { get; set; } = 7;

    /// <summary>Art. 21 part 3: stopping unlawful processing.</summary>
    public int UnlawfulStopWorkingDays { get; set; } = 3;

    /// <summary>Art. 21 part 3: destroying unlawfully processed data that cannot be made lawful.</summary>
    public int UnlawfulDestroyWorkingDays { get; set; } = 10;

    /// <summary>Art. 21 part 5: destroying data once a consent is withdrawn — calendar days, not working days.</summary>
    public int WithdrawalDays { get; set; } = 30;

    public IEnumerable<string> Problems()
    {
        foreach (var (key, value) in new[]
                 {
                     (nameof(AccessWorkingDays), AccessWorkingDays), (nameof(AccessExtensionWorkingDays), AccessExtensionWorkingDays),
                     (nameof(CorrectionWorkingDays), CorrectionWorkingDays), (nameof(UnlawfulStopWorkingDays), UnlawfulStopWorkingDays),
                     (nameof(UnlawfulDestroyWorkingDays), UnlawfulDestroyWorkingDays), (nameof(WithdrawalDays), WithdrawalDays),
                 })
        {
            if (value is < 1 or > 365)
            {
                yield return $"{Section}:{key} must be between 1 and 365 (found {value})";
            }
        }
    }
}
