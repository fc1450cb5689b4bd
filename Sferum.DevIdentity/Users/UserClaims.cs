using System.Security.Claims;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sferum.DevIdentity.Users;

/// <summary>The claims ESIA would send for a person, limited to the granted scopes, in ID and access tokens.</summary>
public static class UserClaims
{
    public const string Snils = "snils";
    public const string TrustLevel = "trust_level";
    public const string MiddleName = "middle_name";

    /// <summary>One claim per child (scope <c>kid</c>): the child's SNILS.</summary>
    public const string ChildSnils = "kid_snils";

    public static ClaimsPrincipal Principal(DevUser user, IEnumerable<string> scopes)
    {
        var granted = scopes.ToHashSet(StringComparer.Ordinal);
        var identity = new ClaimsIdentity("DevIdentity", Claims.Name, Claims.Role);
        identity.AddClaim(Claims.Subject, user.Subject);
        if (granted.Contains(Scopes.Profile))
        {
            identity.AddClaim(Claims.FamilyName, user.LastName);
            identity.AddClaim(Claims.GivenName, user.FirstName);
            if (!string.IsNullOrWhiteSpace(user.MiddleName))
            {
                identity.AddClaim(MiddleName, user.MiddleName);
            }

            identity.AddClaim(Claims.Name, user.FullName);
            if (user.BirthDate is not null)
            {
                identity.AddClaim(Claims.Birthdate, user.BirthDate);
            }
        }

        if (granted.Contains(Scopes.Email) && !string.IsNullOrWhiteSpace(user.Email))
        {
            identity.AddClaim(Claims.Email, user.Email);
            identity.AddClaim(new Claim(Claims.EmailVerified, user.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean));
        }

        if (granted.Contains(Scopes.Phone) && !string.IsNullOrWhiteSpace(user.Phone))
        {
            identity.AddClaim(Claims.PhoneNumber, user.Phone);
            identity.AddClaim(new Claim(Claims.PhoneNumberVerified, user.PhoneVerified ? "true" : "false", ClaimValueTypes.Boolean));
        }

        if (granted.Contains("snils") && !string.IsNullOrWhiteSpace(user.Snils))
        {
            Sferum.Common.Snils.TryNormalize(user.Snils, out var snils);
            identity.AddClaim(Snils, snils);
        }

        if (granted.Contains("kid"))
        {
            foreach (var child in user.Children ?? [])
            {
                Sferum.Common.Snils.TryNormalize(child, out var childSnils);
                identity.AddClaim(ChildSnils, childSnils);
            }
        }

        if (granted.Contains("trust"))
        {
            identity.AddClaim(TrustLevel, user.Trust);
        }

        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(granted);
        principal.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return principal;
    }
}
