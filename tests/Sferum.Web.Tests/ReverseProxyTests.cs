using System.Net;
using Sferum.Local;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>
/// Behind nginx (docs/deploy.md) a web node believes X-Forwarded-Proto and X-Forwarded-For from its proxies only: the
/// sign-in then sends people back to the https address, and a client that sends the headers itself changes nothing.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ReverseProxyTests(WebTestEnvironment env)
{
    [Fact]
    public async Task Behind_a_proxy_on_this_machine_the_sign_in_returns_to_the_https_address()
    {
        var redirect = await SignInRedirectAsync(env.Stack.WebUrl);

        Assert.StartsWith(env.Stack.IdentityUrl, redirect.GetLeftPart(UriPartial.Path));
        Assert.Contains($"redirect_uri={Uri.EscapeDataString(env.Stack.WebUrl.Replace("http://", "https://"))}%2Fsignin-oidc", redirect.Query);
    }

    [Fact]
    public async Task A_client_that_is_not_a_configured_proxy_cannot_pose_as_one()
    {
        // This node's only proxy is 10.0.0.1: a request from loopback carrying the headers is an ordinary client.
        var port = FreePorts.Next();
        await using var web = WebProcess.Start(env.Layout, env.Stack.ConnectionString, env.ClusterId, port, env.Stack.IdentityUrl,
            ["--Sferum:Proxy:KnownProxies:0=10.0.0.1"]);
        var url = $"http://127.0.0.1:{port}";
        await HttpWait.UntilOkAsync($"{url}/health/ready", TimeSpan.FromSeconds(60), web);

        var redirect = await SignInRedirectAsync(url);

        Assert.Contains($"redirect_uri={Uri.EscapeDataString(url)}%2Fsignin-oidc", redirect.Query);
    }

    [Fact]
    public async Task A_malformed_proxy_network_stops_the_node_at_start_and_names_the_key()
    {
        await using var web = WebProcess.Start(env.Layout, env.Stack.ConnectionString, env.ClusterId, FreePorts.Next(), env.Stack.IdentityUrl,
            ["--Sferum:Proxy:KnownNetworks:0=10.0.0.0-24"]);

        await web.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, web.ExitCode);
        Assert.Contains("Sferum:Proxy:KnownNetworks", web.RecentOutput);
    }

    /// <summary>Where a signed-out visitor of /Profile is sent, asked as if through a TLS-terminating proxy.</summary>
    private static async Task<Uri> SignInRedirectAsync(string webUrl)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{webUrl}/Profile");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }
}
