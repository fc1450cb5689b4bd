using System.Text.Json;

namespace Sferum.Web.Operations;

/// <summary>Whether the video server (Janus) answers its HTTP API's <c>/info</c>, and which version it runs.</summary>
public sealed class VideoServerStatus(HttpClient http, IConfiguration configuration)
{
    public const string UrlKey = "Sferum:Video:JanusUrl";

    /// <summary>The Janus HTTP API, e.g. <c>http://127.0.0.1:8088/janus</c>; null when no video server is configured.</summary>
    public string? Url => configuration[UrlKey] is { Length: > 0 } url ? url.TrimEnd('/') : null;

    public async Task<VideoServerReport> ReadAsync(CancellationToken cancellationToken)
    {
        if (Url is not { } url)
        {
            return new VideoServerReport(null, false, null, "не настроен");
        }

        try
        {
            using var response = await http.GetAsync($"{url}/info", cancellationToken);
            response.EnsureSuccessStatusCode();
            using var info = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var root = info.RootElement;
            if (root.TryGetProperty("janus", out var kind) && kind.GetString() == "server_info")
            {
                var version = root.TryGetProperty("version_string", out var v) ? v.GetString() : null;
                return new VideoServerReport(url, true, version, null);
            }

            return new VideoServerReport(url, false, null, "отвечает, но это не Janus");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return new VideoServerReport(url, false, null, $"не отвечает ({ex.GetType().Name})");
        }
    }
}

public sealed record VideoServerReport(string? Url, bool Up, string? Version, string? Problem);
