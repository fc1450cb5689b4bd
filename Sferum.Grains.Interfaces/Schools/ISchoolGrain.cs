using Sferum.Identity;

namespace Sferum.Schools;

/// <summary>One school, keyed by its id: its profile, admins, classes and the journal clients allowed to push.</summary>
[Alias("Sferum.ISchoolGrain")]
public interface ISchoolGrain : IGrainWithGuidKey
{
    /// <summary>Creates the school; calling it again with the same draft changes nothing.</summary>
    [Alias("Create")]
    Task<SchoolSummary> CreateAsync(SchoolDraft draft);

    /// <summary>The school, or null when it was never created.</summary>
    [Alias("Get")]
    Task<SchoolSummary?> GetAsync();

    /// <summary>The school's page: admins, classes, journal clients. For its admins and platform operators.</summary>
    [Alias("GetOverview")]
    Task<SchoolOverview> GetOverviewAsync(Guid requesterUserId);

    /// <summary>True when the user may administer this school (an appointed admin or a platform operator).</summary>
    [Alias("IsAdmin")]
    Task<bool> IsAdminAsync(Guid userId);

    /// <summary>
    /// True only for an appointed admin of this school on a verified account, not for a platform operator as such: for
    /// what is the school's own business as the operator of personal data (its data subjects' requests).
    /// </summary>
    [Alias("IsAppointedAdmin")]
    Task<bool> IsAppointedAdminAsync(Guid userId);

    /// <summary>
    /// Refuses — and so leaves a trace in the school's audit log — anyone but the school's appointed admins and, with
    /// <paramref name="operatorsToo"/>, platform operators: the web's check before a personal-data page runs.
    /// </summary>
    [Alias("RequirePersonalDataStaff")]
    Task RequirePersonalDataStaffAsync(Guid userId, bool operatorsToo);

    /// <summary>
    /// Appoints an admin by SNILS. The first one by a platform operator; later ones by any admin, who confirms the role
    /// change with a one-time code from their authenticator.
    /// </summary>
    [Alias("AppointAdmin")]
    Task<SchoolAdmin> AppointAdminAsync(Guid requesterUserId, string snils, PersonName name, string? secondFactorCode = null);

    /// <summary>
    /// Removes an admin (an admin confirms with a one-time code); the last admin can be removed only by a platform operator.
    /// </summary>
    [Alias("RemoveAdmin")]
    Task RemoveAdminAsync(Guid requesterUserId, string snils, string? secondFactorCode = null);

    /// <summary>Allows (or stops allowing) a journal's machine client to push roster exports to this school.</summary>
    [Alias("SetJournalClient")]
    Task SetJournalClientAsync(Guid requesterUserId, string clientId, bool allowed);

    /// <summary>True when this journal client may push roster exports to the school.</summary>
    [Alias("IsJournalClientAllowed")]
    Task<bool> IsJournalClientAllowedAsync(string clientId);

    /// <summary>The school's chat rules (read by the grains that open chats).</summary>
    [Alias("GetChatPolicy")]
    Task<SchoolChatPolicy> GetChatPolicyAsync();

    /// <summary>The school's quiet hours in its time zone (read by chats, and by pages that warn teachers).</summary>
    [Alias("GetQuietHours")]
    Task<QuietHours> GetQuietHoursAsync();

    /// <summary>Changes the school's chat rules; admins only.</summary>
    [Alias("SetChatPolicy")]
    Task SetChatPolicyAsync(Guid requesterUserId, SchoolChatPolicy policy);

    /// <summary>
    /// Demo seeding only (trusted host code): appoints an admin and allows a journal client without a requester.
    /// </summary>
    [Alias("SeedAccess")]
    Task SeedAccessAsync(string adminSnils, PersonName adminName, string? journalClientId);
}
