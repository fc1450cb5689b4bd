namespace Sferum.Consents;

/// <summary>Configuration section <c>Sferum:PersonalData</c>: periods set by 152-FZ, configurable because laws change.</summary>
public sealed class PersonalDataOptions
{
    public const string Section = "Sferum:PersonalData";

    public const string DestroyDaysKey = Section + ":ConsentWithdrawalDestroyDays";

    /// <summary>
    /// Days after a withdrawal within which the data that relied on the consent is destroyed (152-FZ art. 21 part 5:
    /// not more than 30), unless another legal basis remains.
    /// </summary>
    public int ConsentWithdrawalDestroyDays { get; set; } = 30;

    /// <summary>Null when the options are usable, else what is wrong, naming the key.</summary>
    public string? Problem() =>
        ConsentWithdrawalDestroyDays is < 1 or > 365
            ? $"{DestroyDaysKey} must be between 1 and 365 days (152-FZ sets 30); it is {ConsentWithdrawalDestroyDays}."
            : null;
}
