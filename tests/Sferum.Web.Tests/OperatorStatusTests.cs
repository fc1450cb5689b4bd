using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Sferum.Local;
using Sferum.Testing;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>
/// The operators' status page and the Orleans dashboard: what they show, against the running cluster, its database and
/// a real Janus, and that nobody but a platform operator reads them (the authorization matrix probes the outsider).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class OperatorStatusTests(WebTestEnvironment env)
{
    [Fact]
    public async Task The_operator_sees_each_silo_with_its_build_the_primary_database_and_the_video_server()
    {
        var work = Directory.CreateTempSubdirectory("sferum-janus-test-");
        try
        {
            // A second web node of the same cluster that knows a video server: the demo stack's node has none.
            var janus = await LocalJanus.StartAsync(work.FullName, FreePorts.Next(), FreePorts.Next(), NullLogger.Instance);
            await using var web = WebProcess.Start(env.Layout, env.Stack.ConnectionString, env.ClusterId, env.SpareWebPort, env.Stack.IdentityUrl,
                [$"--Sferum:Video:JanusUrl={janus.HttpUrl}"]);
            var webUrl = $"http://127.0.0.1:{env.SpareWebPort}";
            await HttpWait.UntilOkAsync($"{webUrl}/health/ready", TimeSpan.FromSeconds(90), web);
            using var admin = new OidcHttpBrowser(webUrl);
            await admin.SignInAsync(env.User("admin").Login, env.User("admin").Password);

            var page = await (await admin.GetAsync("/Admin/Status")).Content.ReadAsStringAsync();

            var silo = env.Stack.Silos.Single();
            var siloAddress = await Sql.ScalarAsync<string>(env.Stack.ConnectionString,
                "SELECT address || ':' || port || '@' || generation FROM orleansmembershiptable WHERE deploymentid = @cluster AND status = 3",
                ("cluster", env.ClusterId));
            Assert.Contains(siloAddress, page);
            Assert.Contains("работает", page);
            // Every process of this checkout runs the same build; the page names it for the silo and for the node.
            var build = System.Text.RegularExpressions.Regex.Match(page, "<code id=\"web-build\">([^<]+)</code>").Groups[1].Value;
            Assert.Matches(@"^\d+\.\d+\.\d+", build);
            Assert.Contains($"<td><code>{build}</code></td>", page);
            Assert.Contains("основной сервер", page);
            Assert.Contains("Резервных серверов нет", page);
            Assert.Contains($"Janus 1.1.2 по адресу {janus.HttpUrl} работает", page);

            // The video server stops: the page says so, the rest is still shown.
            await janus.DisposeAsync();
            var withoutJanus = await (await admin.GetAsync("/Admin/Status")).Content.ReadAsStringAsync();
            Assert.Contains($"Janus по адресу {janus.HttpUrl} не отвечает", withoutJanus);
            Assert.Contains(siloAddress, withoutJanus);
            Assert.True(silo.HasExited is false);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_node_without_a_video_server_says_it_is_not_configured()
    {
        using var admin = await env.SignedInAsync("admin");
        var page = await (await admin.GetAsync("/Admin/Status")).Content.ReadAsStringAsync();
        Assert.Contains("Видеосервер не настроен", page);
    }

    [Fact]
    public async Task The_operator_opens_the_Orleans_dashboard_but_never_its_grain_state_view()
    {
        using var admin = await env.SignedInAsync("admin");

        var dashboard = await admin.GetAsync("/Admin/Orleans/");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("index.min.js", await dashboard.Content.ReadAsStringAsync());
        var stats = await admin.GetAsync("/Admin/Orleans/ClusterStats");
        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
        Assert.Equal("application/json", stats.Content.Headers.ContentType?.MediaType);

        // Grain state holds people's names and SNILS: refused even to the operator.
        var state = await admin.GetAsync($"/Admin/Orleans/GrainState?grainId={env.User("student").Subject}&grainType=Sferum.Identity.UserGrain");
        Assert.Equal(HttpStatusCode.Forbidden, state.StatusCode);
    }

    [Theory]
    [InlineData("teacher")]
    [InlineData("student")]
    public async Task Nobody_but_an_operator_reads_the_status_page_or_the_dashboard(string login)
    {
        using var browser = await env.SignedInAsync(login);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/Admin/Status")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/Admin/Orleans/ClusterStats")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/Admin/Orleans/")).StatusCode);
    }
}
