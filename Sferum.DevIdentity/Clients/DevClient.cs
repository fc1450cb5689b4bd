namespace Sferum.DevIdentity.Clients;

/// <summary>A registered client (configuration <c>DevIdentity:Clients:N</c>).</summary>
public sealed class DevClient
{
    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public List<string> RedirectUris { get; set; } = [];

    public List<string> PostLogoutRedirectUris { get; set; } = [];

    /// <summary>authorization_code, refresh_token, client_credentials.</summary>
    public List<string> GrantTypes { get; set; } = [];

    public List<string> Scopes { get; set; } = [];
}
