namespace Sferum.Web.Identity;

/// <summary>
/// Checks the OIDC settings at start so that a misconfiguration stops the portal with a clear message instead of
/// producing a half-working login.
/// </summary>
public static class OidcOptionsValidator
{
    public static IReadOnlyList<string> Validate(OidcOptions options, bool isDevelopment)
    {
        var errors = new List<string>();
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority))
        {
            errors.Add("Oidc:Authority must be the provider's absolute URL (e.g. https://esia-gateway.example/).");
        }
        else if (authority.Scheme != Uri.UriSchemeHttps)
        {
            if (options.RequireHttpsMetadata)
            {
                errors.Add($"Oidc:Authority '{options.Authority}' is not https; set Oidc:RequireHttpsMetadata=false only for a development provider.");
            }
            else if (!isDevelopment)
            {
                errors.Add("Oidc:RequireHttpsMetadata=false is allowed only in the Development environment.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            errors.Add("Oidc:ClientId is required.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            errors.Add("Oidc:ClientSecret is required.");
        }

        if (!options.Scopes.Contains("openid"))
        {
            errors.Add("Oidc:Scopes must include 'openid'.");
        }

        if (string.IsNullOrWhiteSpace(options.ProviderName))
        {
            errors.Add("Oidc:ProviderName is required.");
        }

        if (string.IsNullOrWhiteSpace(options.Claims.Subject))
        {
            errors.Add("Oidc:Claims:Subject is required.");
        }

        return errors;
    }
}
