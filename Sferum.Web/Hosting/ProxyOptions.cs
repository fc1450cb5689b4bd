using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Sferum.Web.Hosting;

/// <summary>
/// The reverse proxies (nginx, docs/deploy.md) whose X-Forwarded-For and X-Forwarded-Proto a web node believes. Only
/// these: a client that sends the headers itself is not believed, so it can neither pose as another address (the
/// invitation limits count attempts per address) nor make the node think a plain-http request came over TLS.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Sferum:Proxy";

    /// <summary>Addresses of the proxies. Empty together with <see cref="KnownNetworks"/>: only a proxy on this machine (loopback).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR form, e.g. <c>10.0.1.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Applies these proxies to ASP.NET Core's forwarded-headers options; a malformed address stops the node at start.</summary>
    public void ApplyTo(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        if (KnownProxies.Count == 0 && KnownNetworks.Count == 0)
        {
            // ASP.NET Core's own default: loopback only (a proxy on the same machine).
            return;
        }

        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"{Section}:KnownProxies: '{proxy}' is not an IP address."));
        }

        foreach (var network in KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"{Section}:KnownNetworks: '{network}' is not a network in CIDR form (10.0.1.0/24)."));
        }
    }
}
