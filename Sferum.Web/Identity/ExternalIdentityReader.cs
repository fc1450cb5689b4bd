using System.Security.Claims;
using Sferum.Identity;

namespace Sferum.Web.Identity;

/// <summary>Reads the provider's claims into an <see cref="ExternalIdentity"/> using the configured claim names.</summary>
public static class ExternalIdentityReader
{
    /// <summary>The identity, or the code of the refusal when a required claim is missing.</summary>
    public static (ExternalIdentity? Identity, string? Error) Read(ClaimsPrincipal principal, OidcOptions options)
    {
        var names = options.Claims;
        string? Get(string type) => string.IsNullOrWhiteSpace(type) ? null : principal.FindFirstValue(type)?.Trim();
        bool IsTrue(string type) => bool.TryParse(Get(type), out var value) && value;

        var subject = Get(names.Subject);
        if (string.IsNullOrEmpty(subject))
        {
            return (null, "identity.subject-missing");
        }

        var name = new PersonName(Get(names.LastName) ?? "", Get(names.FirstName) ?? "", Get(names.MiddleName));
        if (name.LastName.Length == 0 && name.FirstName.Length == 0)
        {
            return (null, "identity.name-missing");
        }

        // A provider that does not say how well it verified the account gets the lowest level, never a higher one.
        TrustLevels.TryParse(Get(names.TrustLevel), out var trust);
        var identity = new ExternalIdentity(
            options.ProviderName, subject, name, Get(names.Snils),
            Get(names.Email), IsTrue(names.EmailVerified), Get(names.Phone), IsTrue(names.PhoneVerified), trust,
            string.IsNullOrWhiteSpace(names.ChildSnils) ? [] : principal.FindAll(names.ChildSnils).Select(c => c.Value.Trim()).ToList());
        return (identity, null);
    }
}
