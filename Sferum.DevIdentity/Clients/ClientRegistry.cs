using System.Security.Cryptography;
using System.Text;
using Sferum.DevIdentity.Hosting;

namespace Sferum.DevIdentity.Clients;

/// <summary>The registered clients, checked at start. OpenIddict runs without a database here, so this is its store.</summary>
public sealed class ClientRegistry
{
    private static readonly string[] KnownGrants = ["authorization_code", "refresh_token", "client_credentials"];
    private readonly Dictionary<string, DevClient> clients;

    public ClientRegistry(IEnumerable<DevClient> configured)
    {
        clients = new Dictionary<string, DevClient>(StringComparer.Ordinal);
        var index = 0;
        foreach (var client in configured)
        {
            var key = $"DevIdentity:Clients:{index++}";
            if (string.IsNullOrWhiteSpace(client.ClientId) || string.IsNullOrWhiteSpace(client.ClientSecret))
            {
                throw new DevIdentityConfigurationException($"{key}: ClientId and ClientSecret are required.");
            }

            if (client.GrantTypes.Count == 0 || client.GrantTypes.Any(g => !KnownGrants.Contains(g)))
            {
                throw new DevIdentityConfigurationException($"{key} ({client.ClientId}): GrantTypes must be some of {string.Join(", ", KnownGrants)}.");
            }

            foreach (var uri in client.RedirectUris.Concat(client.PostLogoutRedirectUris))
            {
                if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(parsed.Fragment))
                {
                    throw new DevIdentityConfigurationException($"{key} ({client.ClientId}): '{uri}' is not an absolute http(s) URI without a fragment.");
                }
            }

            if (client.GrantTypes.Contains("authorization_code") && client.RedirectUris.Count == 0)
            {
                throw new DevIdentityConfigurationException($"{key} ({client.ClientId}): an authorization_code client needs RedirectUris.");
            }

            if (!clients.TryAdd(client.ClientId, client))
            {
                throw new DevIdentityConfigurationException($"{key}: client '{client.ClientId}' is registered twice.");
            }
        }

        if (clients.Count == 0)
        {
            throw new DevIdentityConfigurationException("DevIdentity:Clients: at least one client must be registered.");
        }
    }

    public IEnumerable<string> AllPostLogoutRedirectUris() => clients.Values.SelectMany(c => c.PostLogoutRedirectUris);

    public DevClient? Find(string? clientId) => clientId is not null && clients.TryGetValue(clientId, out var c) ? c : null;

    /// <summary>The client when the secret is right, compared in constant time.</summary>
    public DevClient? Authenticate(string? clientId, string? secret)
    {
        var client = Find(clientId);
        return client is not null && secret is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(client.ClientSecret), Encoding.UTF8.GetBytes(secret))
            ? client
            : null;
    }
}
