using System.Net.Http.Headers;
using System.Text.Json;
using Sferum.Local;

namespace Sferum.Web.Tests.Support;

/// <summary>The demo journal as a machine client: a client-credentials token from the provider, then the push API.</summary>
public static class JournalClient
{
    public static async Task<HttpClient> CreateAsync(WebTestEnvironment env)
    {
        using var identity = new HttpClient();
        var token = await identity.PostAsync($"{env.Stack.IdentityUrl}/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = DemoRosterPush.ClientId,
            ["client_secret"] = DemoRosterPush.ClientSecret,
            ["scope"] = "journal.push",
        }));
        var body = await token.Content.ReadAsStringAsync();
        Assert.True(token.IsSuccessStatusCode, body);
        var accessToken = JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString();
        var http = new HttpClient { BaseAddress = new Uri(env.Stack.WebUrl), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return http;
    }

    /// <summary>The files as the push API takes them.</summary>
    public static MultipartFormDataContent Files(params (string Name, byte[] Content)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            content.Add(new ByteArrayContent(bytes), "files", name);
        }

        return content;
    }
}
