namespace Sferum.Sessions;

/// <summary>
/// The signed-in sessions of one user (keyed by the user id): started at sign-in, checked on every request (idle
/// timeout and lifetime apply here), listed and ended by their owner, all ended when an admin disables the account.
/// </summary>
[Alias("Sferum.IUserSessionsGrain")]
public interface IUserSessionsGrain : IGrainWithGuidKey
{
    [Alias("Start")]
    Task<Guid> StartAsync(string userAgent, string address);

    /// <summary>
    /// Starts a session that keeps the provider's ID token (instead of the cookie keeping it), to be sent back as the
    /// hint when the user signs out at the provider. The token is cleared when the session ends.
    /// </summary>
    [Alias("StartWithIdToken")]
    Task<Guid> StartWithIdTokenAsync(string userAgent, string address, string? idToken);

    /// <summary>
    /// The ID token the session was started with, for signing out at the provider. Null when the session is not one
    /// of this user's live sessions (another user's, ended, unknown) or none was stored.
    /// </summary>
    [Alias("SignOutHint")]
    Task<string?> SignOutHintAsync(Guid sessionId);

    /// <summary>True while the session is alive; records the activity. False once ended, idle too long or too old.</summary>
    [Alias("Touch")]
    Task<bool> TouchAsync(Guid sessionId);

    [Alias("List")]
    Task<IReadOnlyList<UserSession>> ListAsync();

    /// <summary>Ends one of the user's sessions (signing out, or from another device).</summary>
    [Alias("End")]
    Task EndAsync(Guid sessionId, string reason);

    /// <summary>Ends every session but <paramref name="keepSessionId"/>; returns how many ended.</summary>
    [Alias("EndOthers")]
    Task<int> EndOthersAsync(Guid keepSessionId);

    /// <summary>Ends every session (the account was disabled).</summary>
    [Alias("EndAll")]
    Task EndAllAsync(string reason);
}
