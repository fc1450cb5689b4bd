using Orleans.Concurrency;
using Sferum.Schools;

namespace Sferum.Identity;

/// <summary>One Sferum user, keyed by the user's id. Created on first sign-in through <see cref="IIdentityIndexGrain"/>.</summary>
[Alias("Sferum.IUserGrain")]
public interface IUserGrain : IGrainWithGuidKey
{
    /// <summary>
    /// The profile, or null when no user was ever created under this id. Interleaves: it only reads the state, and
    /// chats ask it for a name while the user's own turn may be waiting on those chats (her sign-in telling them of a
    /// new name, <see cref="GetChatIdsAsync"/> asking each whether she is a member) — a wait in a circle otherwise.
    /// </summary>
    [AlwaysInterleave]
    [Alias("GetProfile")]
    Task<UserProfile?> GetProfileAsync();

    /// <summary>
    /// Records a sign-in: the provider's claims are authoritative and replace the stored profile data. Roster entries
    /// that match the verified identity are linked to the user ("joining through the journal").
    /// </summary>
    [Alias("RecordSignIn")]
    Task<UserProfile> RecordSignInAsync(ExternalIdentity identity);

    /// <summary>The classes the user belongs to through the journal (as student, parent or teacher).</summary>
    [Alias("GetClassIds")]
    Task<IReadOnlyList<Guid>> GetClassIdsAsync();

    /// <summary>The classes the last sign-in joined through the journal, once: for "you were added to …" on the home page.</summary>
    [Alias("TakeRecentlyJoinedClasses")]
    Task<IReadOnlyList<Guid>> TakeRecentlyJoinedClassesAsync();

    /// <summary>
    /// Every chat the user is a member of now: their classes' chats, their schools' channels, their direct and group
    /// chats. The one answer to "which chats are mine" for the chat list, live delivery and search.
    /// </summary>
    [Alias("GetChatIds")]
    Task<IReadOnlyList<Guid>> GetChatIdsAsync();

    /// <summary>
    /// Starts (or restarts) enrolling an authenticator app: a new secret, returned as an <c>otpauth://</c> address for
    /// a QR code. It takes effect only once <see cref="ConfirmSecondFactorAsync"/> receives a code made from it.
    /// </summary>
    [Alias("BeginSecondFactor")]
    Task<string> BeginSecondFactorAsync();

    /// <summary>Finishes enrolment with a code from the app; a wrong code changes nothing.</summary>
    [Alias("ConfirmSecondFactor")]
    Task ConfirmSecondFactorAsync(string code);

    /// <summary>
    /// Checks a code for a sensitive action (invitations for staff, bulk removal): refuses when none is enrolled, when the
    /// code is wrong, or when it was used already.
    /// </summary>
    [Alias("VerifySecondFactor")]
    Task VerifySecondFactorAsync(string? code);

    /// <summary>Pupils the provider names as the user's children (ESIA's kid scopes) who are not yet linked to them.</summary>
    [Alias("GetProposedChildren")]
    Task<IReadOnlyList<ProposedChild>> GetProposedChildrenAsync();

    /// <summary>Confirms a proposed child: the user becomes that pupil's parent in the class (within the school's parent limit).</summary>
    [Alias("ConfirmChild")]
    Task ConfirmChildAsync(Guid classId, string journalId);

    /// <summary>
    /// Blocks (or unblocks) the account: a platform operator only. Blocking ends every session at once, which closes
    /// the account's live connections within seconds, and refuses new sign-ins.
    /// </summary>
    [Alias("SetDisabled")]
    Task SetDisabledAsync(Guid requesterUserId, bool disabled);

    /// <summary>
    /// Personal-data erasure (trusted host code, called by the person's erasure grain only): ends every session, forgets
    /// the identity link and keeps nothing of the profile but the fact that it was erased. Calling it again changes nothing.
    /// </summary>
    [Alias("Erase")]
    Task EraseAsync();

    /// <summary>The schools the user administers.</summary>
    [Alias("GetAdministeredSchools")]
    Task<IReadOnlyList<SchoolSummary>> GetAdministeredSchoolsAsync();
}
