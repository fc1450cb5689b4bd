namespace Sferum.Web.Identity;

/// <summary>
/// The OpenID Connect provider Sferum signs users in with (configuration section <c>Oidc</c>). Any
/// standards-compliant provider works through these settings alone: production points them at an ESIA gateway,
/// development at Sferum.DevIdentity.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Oidc";

    /// <summary>Issuer URL; its <c>/.well-known/openid-configuration</c> is read for the endpoints.</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>Name under which users of this provider are linked (stable: changing it orphans accounts).</summary>
    public string ProviderName { get; set; } = "esia";

    public List<string> Scopes { get; set; } = ["openid", "profile", "email", "phone", "snils", "trust", "kid"];

    /// <summary>Plain-http metadata is allowed only in Development (loopback DevIdentity).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Also call the userinfo endpoint (for providers that keep claims out of the ID token).</summary>
    public bool GetClaimsFromUserInfoEndpoint { get; set; }

    public OidcClaimNames Claims { get; set; } = new();
}
