using Sferum.Schools;

namespace Sferum.Identity;

/// <summary>One Sferum user, keyed by the user's id. Created on first sign-in through <see cref="IIdentityIndexGrain"/>.</summary>
[Alias("Sferum.IUserGrain")]
public interface IUserGrain : IGrainWithGuidKey
{
    /// <summary>The profile, or null when no user was ever created under this id.</summary>
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

    /// <summary>
    /// Every chat the user is a member of now: their classes' chats, their schools' channels, their direct and group
    /// chats. The one answer to "which chats are mine" for the chat list, live delivery and search.
    /// </summary>
    [Alias("GetChatIds")]
    Task<IReadOnlyList<Guid>> GetChatIdsAsync();

    /// <summary>The schools the user administers.</summary>
    [Alias("GetAdministeredSchools")]
    Task<IReadOnlyList<SchoolSummary>> GetAdministeredSchoolsAsync();
}
