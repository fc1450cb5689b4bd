namespace Sferum.Web.Identity;

/// <summary>Which claim of the provider carries which fact (defaults: OIDC standard names plus snils and trust_level).</summary>
public sealed class OidcClaimNames
{
    public string Subject { get; set; } = "sub";
    public string LastName { get; set; } = "family_name";
    public string FirstName { get; set; } = "given_name";
    public string MiddleName { get; set; } = "middle_name";
    public string Snils { get; set; } = "snils";
    public string Email { get; set; } = "email";
    public string EmailVerified { get; set; } = "email_verified";
    public string Phone { get; set; } = "phone_number";
    public string PhoneVerified { get; set; } = "phone_number_verified";
    public string TrustLevel { get; set; } = "trust_level";

    /// <summary>The children's SNILS, one claim each (ESIA's <c>kid_*</c> scopes); used to propose parent links.</summary>
    public string ChildSnils { get; set; } = "kid_snils";
}
