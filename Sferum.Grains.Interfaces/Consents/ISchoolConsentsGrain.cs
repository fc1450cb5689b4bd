namespace Sferum.Consents;

/// <summary>
/// A school's consents to the processing of personal data (152-FZ), keyed by the school: it is the operator they name.
/// The only writer of consents, their data and the destructions a withdrawal schedules; every consent given or
/// withdrawn is in the school's audit log with its subject. A person acts for themselves, a parent for their own
/// linked minor children; nobody acts for anyone else.
/// </summary>
[Alias("Sferum.ISchoolConsentsGrain")]
public interface ISchoolConsentsGrain : IGrainWithGuidKey
{
    /// <summary>
    /// The user's consents here, for themselves and each linked minor child, with what is held on which basis and the
    /// texts they may accept; null when the user has no place in this school.
    /// </summary>
    [Alias("GetOverview")]
    Task<ConsentOverview?> GetOverviewAsync(Guid userId);

    /// <summary>
    /// Gives a consent: for oneself (an adult), or as a parent for a linked child under 18. Refused when the text shown
    /// is no longer the one that would be stored, when one is already in force, or when the data is invalid.
    /// </summary>
    [Alias("Give")]
    Task<ConsentRecord> GiveAsync(Guid userId, ConsentGrant grant);

    /// <summary>
    /// Withdraws a consent (the subject, or a parent linked to the minor subject): the processing relying on it stops
    /// at once, and its data is scheduled for destruction within the configured days unless another basis remains.
    /// Withdrawing again returns what the first withdrawal did.
    /// </summary>
    [Alias("Withdraw")]
    Task<ConsentWithdrawal> WithdrawAsync(Guid userId, Guid consentId);

    /// <summary>The school's consent register, for its admins only; every read is in the audit log.</summary>
    [Alias("GetRegister")]
    Task<ConsentRegisterPage> GetRegisterAsync(Guid adminUserId, ConsentRegisterQuery query);

    /// <summary>
    /// The consented phone numbers of the people in a class, for a teacher of that class only; each number shown is a
    /// read of protected data and is in the audit log.
    /// </summary>
    [Alias("GetClassPhones")]
    Task<IReadOnlyList<ConsentedPhone>> GetClassPhonesAsync(Guid teacherUserId, Guid classId);
}
