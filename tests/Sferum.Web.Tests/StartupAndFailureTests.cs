using System.Net;
using Sferum.Local;
using Sferum.Testing;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>Misconfiguration and outages: clear refusals, never a half-working portal.</summary>
[Collection(WebCollection.Name)]
public sealed class StartupAndFailureTests(WebTestEnvironment env)
{
    [Theory]
    [InlineData("--Oidc:Authority=", "Oidc:Authority")]
    [InlineData("--Oidc:ClientSecret=", "Oidc:ClientSecret")]
    [InlineData("--Oidc:Authority=not a url", "Oidc:Authority")]
    public async Task A_portal_with_broken_oidc_settings_refuses_to_start_and_names_the_key(string setting, string key)
    {
        await using var web = WebProcess.Start(env.Layout, env.Stack.ConnectionString, env.ClusterId, FreePorts.Next(), env.Stack.IdentityUrl, [setting]);

        await web.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, web.ExitCode);
        Assert.Contains("OpenID Connect is misconfigured", web.RecentOutput);
        Assert.Contains(key, web.RecentOutput);
    }

    [Fact]
    public async Task Plain_http_provider_metadata_is_refused_outside_development()
    {
        var port = FreePorts.Next();
        await using var web = ServiceProcess.Start("web-production", env.Layout.BuiltDll("Sferum.Web"), env.Layout.ProjectDirectory("Sferum.Web"),
            [$"--urls=http://127.0.0.1:{port}", $"--Oidc:Authority={env.Stack.IdentityUrl}", "--Oidc:ClientId=sferum-web",
             "--Oidc:ClientSecret=x", "--Oidc:RequireHttpsMetadata=false"],
            new Dictionary<string, string> { ["ConnectionStrings__Sferum"] = env.Stack.ConnectionString, ["ASPNETCORE_ENVIRONMENT"] = "Production" });

        await web.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, web.ExitCode);
        Assert.Contains("RequireHttpsMetadata=false is allowed only in the Development environment", web.RecentOutput);
    }

    [Fact]
    public async Task A_sign_in_without_a_subject_claim_is_refused_with_a_message_and_creates_nothing()
    {
        // This portal reads the subject from a claim the provider does not send.
        await using var web = WebProcess.Start(env.Layout, env.Stack.ConnectionString, env.ClusterId, env.SpareWebPort, env.Stack.IdentityUrl,
            ["--Oidc:Claims:Subject=esia_oid"]);
        var webUrl = $"http://127.0.0.1:{env.SpareWebPort}";
        await HttpWait.UntilOkAsync($"{webUrl}/health/ready", TimeSpan.FromSeconds(60), web);
        var rowsBefore = await Sql.CountAsync(env.Stack.ConnectionString, "SELECT count(*) FROM orleansstorage");
        var parent = env.User("parent");
        using var browser = new OidcHttpBrowser(webUrl);

        var response = await browser.SignInAsync(parent.Login, parent.Password);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("/Account/LoginFailed", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("не передал идентификатор пользователя", html);
        Assert.Equal(rowsBefore, await Sql.CountAsync(env.Stack.ConnectionString, "SELECT count(*) FROM orleansstorage"));
        Assert.DoesNotContain("Здравствуйте", await (await browser.GetAsync("/")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_turns_red_while_the_cluster_is_down_and_recovers_by_itself()
    {
        // A cluster of its own, so that stopping its silo disturbs no other test.
        var connectionString = await env.Postgres.CreateDatabaseAsync();
        var clusterId = $"ready-{Guid.NewGuid():N}"[..20];
        var (siloPort, gatewayPort, webPort) = (FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
        var silo = SiloProcess.Start(env.Layout, connectionString, clusterId, siloPort, gatewayPort);
        await using var web = WebProcess.Start(env.Layout, connectionString, clusterId, webPort, env.Stack.IdentityUrl);
        var ready = $"http://127.0.0.1:{webPort}/health/ready";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            await HttpWait.UntilOkAsync(ready, TimeSpan.FromSeconds(90), web);

            await silo.StopAsync(TimeSpan.FromSeconds(20));
            await WaitForStatusAsync(http, ready, HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30));
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"http://127.0.0.1:{webPort}/health/live")).StatusCode);

            await silo.DisposeAsync();
            silo = SiloProcess.Start(env.Layout, connectionString, clusterId, siloPort, gatewayPort);
            await WaitForStatusAsync(http, ready, HttpStatusCode.OK, TimeSpan.FromSeconds(90));
        }
        finally
        {
            await silo.DisposeAsync();
        }
    }

    private static async Task WaitForStatusAsync(HttpClient http, string url, HttpStatusCode expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        HttpStatusCode? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = (await http.GetAsync(url)).StatusCode;
                if (last == expected)
                {
                    return;
                }
            }
            catch (TaskCanceledException)
            {
                last = null;
            }

            await Task.Delay(500);
        }

        Assert.Fail($"{url} did not become {expected} within {timeout.TotalSeconds:0} s (last: {last})");
    }
}
