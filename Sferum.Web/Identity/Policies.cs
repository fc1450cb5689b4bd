using Microsoft.AspNetCore.Authorization;
using Sferum.Identity;

namespace Sferum.Web.Identity;

/// <summary>Authorization policies of the portal. The grains check again; these give early, clear refusals.</summary>
public static class Policies
{
    /// <summary>The admin area: a platform operator with a confirmed account.</summary>
    public const string Admin = "Admin";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Admin, policy => policy
            .RequireAuthenticatedUser()
            .RequireClaim(SferumClaims.UserId)
            .RequireClaim(SferumClaims.Trust, TrustLevel.Confirmed.ToClaimValue())
            .RequireClaim(SferumClaims.PlatformOperator, "true"));
    }
}
