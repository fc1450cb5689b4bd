namespace Sferum.Web.Identity;

/// <summary>The only claims kept in the session cookie: who the user is in Sferum and what the portal needs to show.</summary>
public static class SferumClaims
{
    public const string UserId = "sferum:uid";
    public const string Name = "name";
    public const string Trust = "sferum:trust";
    public const string PlatformOperator = "sferum:operator";

    /// <summary>The server-side session (one per device) this cookie belongs to.</summary>
    public const string SessionId = "sferum:sid";
    public const string AuthenticationType = "Sferum";
}
