using System.Security.Claims;

namespace Sferum.Web.Identity;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user's Sferum id; throws for anonymous principals (pages that call it require sign-in).</summary>
    public static Guid GetUserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(SferumClaims.UserId), out var id)
            ? id
            : throw new InvalidOperationException("The principal has no Sferum user id.");
}
