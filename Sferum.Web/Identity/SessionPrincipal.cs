using System.Security.Claims;
using Sferum.Identity;

namespace Sferum.Web.Identity;

/// <summary>
/// The principal the session cookie carries: who the user is in Sferum, what the portal shows, and the server-side
/// session it names — nothing of the provider's. The sign-in and the benchmarks' minted cookies both build it here, so
/// a benchmark's cookie is the size and shape of a real one.
/// </summary>
public static class SessionPrincipal
{
    public static ClaimsPrincipal Create(Guid userId, string name, TrustLevel trust, bool platformOperator, Guid sessionId) =>
        new(new ClaimsIdentity(
        [
            new Claim(SferumClaims.UserId, userId.ToString()),
            new Claim(SferumClaims.Name, name),
            new Claim(SferumClaims.Trust, trust.ToClaimValue()),
            new Claim(SferumClaims.PlatformOperator, platformOperator ? "true" : "false"),
            new Claim(SferumClaims.SessionId, sessionId.ToString()),
        ], SferumClaims.AuthenticationType, SferumClaims.Name, null));
}
