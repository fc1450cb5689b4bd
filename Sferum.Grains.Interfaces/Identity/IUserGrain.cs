namespace Sferum.Identity;

/// <summary>One Sferum user, keyed by the user's id. Created on first sign-in through <see cref="IIdentityIndexGrain"/>.</summary>
[Alias("Sferum.IUserGrain")]
public interface IUserGrain : IGrainWithGuidKey
{
    /// <summary>The profile, or null when no user was ever created under this id.</summary>
    [Alias("GetProfile")]
    Task<UserProfile?> GetProfileAsync();

    /// <summary>Records a sign-in: the provider's claims are authoritative and replace the stored profile data.</summary>
    [Alias("RecordSignIn")]
    Task<UserProfile> RecordSignInAsync(ExternalIdentity identity);
}
