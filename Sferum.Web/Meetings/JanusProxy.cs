using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Sferum.Common;
using Sferum.Meetings;
using Sferum.Web.Errors;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Meetings;

/// <summary>
/// The only way a browser talks to Janus: <c>/video/{meeting}/janus[/{session}[/{handle}]]</c>, Janus's own HTTP API
/// shape (so a plain Janus client works against it). Janus itself refuses every request without its api_secret, which
/// only this proxy has; the proxy asks the meeting's grain at every request whether this person is inside it now, and
/// whether the Janus session is theirs, then rewrites the request (<see cref="JanusSignalRules"/>).
/// </summary>
public static class JanusProxy
{
    public const string HttpClientName = "janus";

    public static IEndpointRouteBuilder MapJanusProxy(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/video/{meetingId:guid}/janus").RequireAuthorization().RequireAntiforgeryHeader().WithTags("Видеовстречи")
            .ExcludeFromDescription();
        group.MapPost("/", (Guid meetingId, HttpContext http) => PostAsync(meetingId, null, null, http));
        group.MapPost("/{session:long}", (Guid meetingId, long session, HttpContext http) => PostAsync(meetingId, session, null, http));
        group.MapPost("/{session:long}/{handle:long}", (Guid meetingId, long session, long handle, HttpContext http) =>
            PostAsync(meetingId, session, handle, http));
        group.MapGet("/{session:long}", PollAsync);
        return app;
    }

    private static async Task<IResult> PostAsync(Guid meetingId, long? session, long? handle, HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<VideoProxyOptions>>().Value;
        var meeting = http.RequestServices.GetRequiredService<IClusterClient>().GetGrain<IMeetingGrain>(meetingId);
        var userId = http.User.GetUserId();
        JsonObject? request;
        try
        {
            request = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            request = null;
        }

        if (request is null)
        {
            return Refused(StatusCodes.Status400BadRequest, "Запрос не в формате JSON.");
        }

        SignalGrant grant;
        try
        {
            grant = await meeting.GrantAsync(userId, session);
        }
        catch (DomainException ex)
        {
            return Refused(ex);
        }

        if (options.JanusUrl.Length == 0)
        {
            return Refused(StatusCodes.Status503ServiceUnavailable, "Видеосервер не настроен.");
        }

        var (forwarded, refusal) = JanusSignalRules.Apply(request, grant, session is not null, handle is not null, options.ApiSecret);
        if (forwarded is null)
        {
            return Refused(StatusCodes.Status403Forbidden, $"Видеосервер: {refusal}.");
        }

        var path = session is null ? "" : handle is null ? $"/{session}" : $"/{session}/{handle}";
        var janus = http.RequestServices.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
        string answer;
        int status;
        try
        {
            using var response = await janus.PostAsync($"{options.JanusUrl.TrimEnd('/')}{path}",
                new StringContent(forwarded.ToJsonString(), Encoding.UTF8, "application/json"), http.RequestAborted);
            answer = await response.Content.ReadAsStringAsync(http.RequestAborted);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            // Janus is down or restarting: the page offers to connect again.
            return Refused(StatusCodes.Status503ServiceUnavailable, "Видеосервер не отвечает.");
        }

        if (session is null && Parsed(answer) is { } created && created["data"]?["id"] is { } id)
        {
            // The new session is this person's: later requests naming it are checked against them, and it is closed
            // by the meeting if they lose access.
            await meeting.BindSessionAsync(userId, id.GetValue<long>());
        }

        return Results.Content(answer, "application/json", Encoding.UTF8, status);
    }

    private static JsonObject? Parsed(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Janus's long poll for a session's events (up to 30 s); only the session's owner, while inside.</summary>
    private static async Task<IResult> PollAsync(Guid meetingId, long session, HttpContext http, IClusterClient cluster, IOptions<VideoProxyOptions> options,
        IHttpClientFactory clients)
    {
        try
        {
            await cluster.GetGrain<IMeetingGrain>(meetingId).GrantAsync(http.User.GetUserId(), session);
        }
        catch (DomainException ex)
        {
            return Refused(ex);
        }

        var maxev = int.TryParse(http.Request.Query["maxev"], out var n) ? Math.Clamp(n, 1, 10) : 1;
        var url = $"{options.Value.JanusUrl.TrimEnd('/')}/{session}?maxev={maxev}&apisecret={Uri.EscapeDataString(options.Value.ApiSecret)}";
        try
        {
            using var response = await clients.CreateClient(HttpClientName).GetAsync(url, http.RequestAborted);
            return Results.Content(await response.Content.ReadAsStringAsync(http.RequestAborted), "application/json", Encoding.UTF8, (int)response.StatusCode);
        }
        catch (HttpRequestException)
        {
            return Refused(StatusCodes.Status503ServiceUnavailable, "Видеосервер не отвечает.");
        }
    }

    /// <summary>As the JSON API answers: 403 saying nothing for "forbidden", 404 for an unknown meeting, 409 for its state (lobby, ended).</summary>
    private static IResult Refused(DomainException ex) => ex.Code switch
    {
        "forbidden" => Refused(StatusCodes.Status403Forbidden, "Нет доступа."),
        var code when code.EndsWith(".unknown", StringComparison.Ordinal) => Refused(StatusCodes.Status404NotFound, ErrorText.Of(ex)),
        _ => Refused(StatusCodes.Status409Conflict, ErrorText.Of(ex)),
    };

    private static IResult Refused(int status, string reason) =>
        Results.Json(new { janus = "error", error = new { code = status, reason } }, statusCode: status);
}
