using System.Net;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class HealthTests(WebTestEnvironment env)
{
    [Fact]
    public async Task Liveness_and_readiness_are_green_when_cluster_and_database_answer()
    {
        using var http = new HttpClient { BaseAddress = new Uri(env.Stack.WebUrl) };

        var live = await http.GetAsync("/health/live");
        var ready = await http.GetAsync("/health/ready");
        var report = await ready.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"cluster\":{\"status\":\"Healthy\"", report);
        Assert.Contains("\"database\":{\"status\":\"Healthy\"", report);
    }
}
