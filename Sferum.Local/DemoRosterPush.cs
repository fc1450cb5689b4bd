using System.Net.Http.Headers;
using System.Text.Json;

namespace Sferum.Local;

/// <summary>
/// Pushes the demo roster into the demo school the way a journal would: a client-credentials token from the identity
/// provider, then the journal push API with apply=true. Pushing it again changes nothing.
/// </summary>
public static class DemoRosterPush
{
    public const string ClientId = "journal-demo";
    public const string ClientSecret = "journal-demo-secret";
    public static readonly Guid DemoSchoolId = Guid.Parse("7a5c0000-0000-4000-8000-000000000007");

    /// <summary>Returns the import's status as the API reports it ("Applied", "Unchanged", …).</summary>
    public static Task<string> PushAsync(string identityUrl, string webUrl, IReadOnlyList<DemoUsers.DemoUser> users, CancellationToken cancellationToken) =>
        PushAsync(identityUrl, webUrl, DemoRoster.Build(users), cancellationToken);

    /// <summary>Pushes these export files (a changed demo roster: tests move people between classes with it).</summary>
    public static async Task<string> PushAsync(string identityUrl, string webUrl, IReadOnlyList<(string Name, byte[] Content)> files, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var tokenResponse = await http.PostAsync($"{identityUrl}/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
            ["scope"] = "journal.push",
        }), cancellationToken);
        var tokenBody = await tokenResponse.Content.ReadAsStringAsync(cancellationToken);
        if (!tokenResponse.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The demo journal could not get a token: {(int)tokenResponse.StatusCode} {tokenBody}");
        }

        var token = JsonDocument.Parse(tokenBody).RootElement.GetProperty("access_token").GetString();

        // The silo seeds the demo school (and connects this journal) just after it starts: until then, 403.
        for (var attempt = 1; ; attempt++)
        {
            using var content = new MultipartFormDataContent();
            foreach (var (name, bytes) in files)
            {
                content.Add(new ByteArrayContent(bytes), "files", name);
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, $"{webUrl}/api/journal/v1/schools/{DemoSchoolId}/imports?apply=true") { Content = content };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return JsonDocument.Parse(body).RootElement.GetProperty("status").GetString() ?? "";
            }

            if (response.StatusCode != System.Net.HttpStatusCode.Forbidden || attempt == 30)
            {
                throw new InvalidOperationException($"The demo roster push failed: {(int)response.StatusCode} {body}");
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }
}
