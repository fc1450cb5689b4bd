namespace Sferum.Identity;

/// <summary>
/// Maps one external identity (provider + subject) to a Sferum user id. Keyed by <see cref="KeyFor"/>;
/// being a single activation per key, it cannot give one person two accounts on a double first sign-in.
/// </summary>
[Alias("Sferum.IIdentityIndexGrain")]
public interface IIdentityIndexGrain : IGrainWithStringKey
{
    /// <summary>Validates the identity, creates the user on first sign-in, records the sign-in and returns the profile.</summary>
    [Alias("SignIn")]
    Task<UserProfile> SignInAsync(ExternalIdentity identity);

    /// <summary>The user id linked to this identity, or null.</summary>
    [Alias("GetUserId")]
    Task<Guid?> GetUserIdAsync();

    /// <summary>
    /// Personal-data erasure (trusted host code): forgets the link if it names this user, so that the next sign-in with
    /// this identity creates a new, empty account. The stored row goes with it (its key is the provider's subject).
    /// </summary>
    [Alias("Forget")]
    Task ForgetAsync(Guid userId);

    static string KeyFor(string provider, string subject) => $"{provider}|{subject}";
}
