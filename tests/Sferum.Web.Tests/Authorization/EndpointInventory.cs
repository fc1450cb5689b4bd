using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sferum.Local;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests.Authorization;

/// <summary>
/// Everything the portal answers, read from the portal itself: its routed endpoints (pages, APIs, hubs, health), the
/// handlers of every page model, and the chat hub's methods. The authorization matrix must name each of them.
/// </summary>
public static class EndpointInventory
{
    public static IReadOnlyList<string> Endpoints(WebTestEnvironment env)
    {
        using var factory = Factory(env);
        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => $"{string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])} /{e.RoutePattern.RawText?.TrimStart('/')}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The route of every Razor page ("/Schools/{schoolId:guid}/Audit"; an Index page also as ".../Index").</summary>
    public static IReadOnlyList<string> PageRoutes(WebTestEnvironment env)
    {
        using var factory = Factory(env);
        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText?.TrimStart('/'))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>"Namespace.Page:OnPostRevokeAsync" for every handler of every page model in the portal.</summary>
    public static IReadOnlyList<string> PageHandlers() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
                .Where(m => m.Name.StartsWith("OnGet", StringComparison.Ordinal) || m.Name.StartsWith("OnPost", StringComparison.Ordinal))
                .Select(m => $"{t.FullName!["Sferum.Web.Pages.".Length..]}:{m.Name}"))
            .Select(n => n.Replace("Model:", ":", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<string> HubMethods() =>
        typeof(Sferum.Web.Chats.ChatHub).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not ("OnConnectedAsync" or "OnDisconnectedAsync"))
            .Select(m => m.Name)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The portal's own service container, configured like the running one, to read its endpoints.</summary>
    private static WebApplicationFactory<Program> Factory(WebTestEnvironment env) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseEnvironment("Development")
            .UseSetting("ConnectionStrings:Sferum", env.Stack.ConnectionString)
            .UseSetting("Orleans:ClusterId", env.ClusterId)
            .UseSetting("Oidc:Authority", env.Stack.IdentityUrl)
            .UseSetting("Oidc:ClientId", WebProcess.ClientId)
            .UseSetting("Oidc:ClientSecret", WebProcess.ClientSecret)
            .UseSetting("Oidc:RequireHttpsMetadata", "false"));
}
