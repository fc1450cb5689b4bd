using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sferum.Identity;
using Sferum.Web.DataProtection;
using Sferum.Web.Identity;

namespace Sferum.Bench;

/// <summary>
/// Session cookies for thousands of simulated users, minted the way the portal would after an OIDC sign-in: the same
/// principal (<see cref="SessionPrincipal"/>, so the cookie cannot drift from a real one), protected with the portal's
/// data-protection keys (kept in PostgreSQL, which an operator's tool can read). Signing thousands of users in through
/// the provider's form would measure the form, not the chat.
/// </summary>
public sealed class SessionCookies
{
    private readonly TicketDataFormat format;
    private readonly IClusterClient cluster;

    public SessionCookies(string connectionString, IClusterClient cluster)
    {
        this.cluster = cluster;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(NpgsqlDataSource.Create(connectionString));
        services.AddSferumDataProtection();
        var provider = services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>();
        format = new TicketDataFormat(provider.CreateProtector(
            "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", CookieAuthenticationDefaults.AuthenticationScheme, "v2"));
    }

    /// <summary>A cookie naming a new server-side session of the user, as a sign-in would start one.</summary>
    public async Task<string> ForAsync(Guid userId, string name)
    {
        var session = await cluster.GetGrain<Sferum.Sessions.IUserSessionsGrain>(userId).StartAsync("Sferum.Bench.Chat", "127.0.0.1");
        var properties = new AuthenticationProperties { IssuedUtc = DateTimeOffset.UtcNow, ExpiresUtc = DateTimeOffset.UtcNow.AddHours(2) };
        var principal = SessionPrincipal.Create(userId, name, TrustLevel.Standard, platformOperator: false, session);
        return format.Protect(new AuthenticationTicket(principal, properties, CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
