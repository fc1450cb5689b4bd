namespace Sferum.PersonalData;

/// <summary>
/// A school's personal-data desk, keyed by the school: its admins look up a person's record, correct it, set the
/// school's destruction policy, and list and download the acts of destruction. Everyone else is refused.
/// </summary>
[Alias("Sferum.IPersonalDataGrain")]
public interface IPersonalDataGrain : IGrainWithGuidKey
{
    /// <summary>The person's record (<see cref="PersonRecord.MemberKey"/>: a journal id or <c>u:{user id}</c>).</summary>
    [Alias("GetPerson")]
    Task<PersonRecord> GetPersonAsync(Guid requesterUserId, string memberKey);

    /// <summary>Corrects one field of the person's roster record; audited with the person as subject (never the values).</summary>
    [Alias("Correct")]
    Task<PersonRecord> CorrectAsync(Guid requesterUserId, string memberKey, PersonCorrection correction);

    [Alias("GetPolicy")]
    Task<DestructionPolicy> GetPolicyAsync(Guid requesterUserId);

    /// <summary>Sets what is destroyed with an erased person (audited). The operator details are the school operator grain's.</summary>
    [Alias("SetPolicy")]
    Task SetPolicyAsync(Guid requesterUserId, DestructionPolicy policy);

    /// <summary>The settings for an erasure grain (trusted host code: no requester).</summary>
    [Alias("GetSettingsForErasure")]
    Task<PersonalDataSettings> GetSettingsForErasureAsync();

    [Alias("ListActs")]
    Task<IReadOnlyList<DestructionActSummary>> ListActsAsync(Guid requesterUserId);

    /// <summary>The act (or, with <paramref name="extract"/>, the extract from the event log) as the PDF that was issued.</summary>
    [Alias("GetActPdf")]
    Task<byte[]> GetActPdfAsync(Guid requesterUserId, Guid actId, bool extract);
}
