using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Sferum.Meetings;

/// <summary>
/// The VideoRoom requests a meeting needs, sent through Janus's admin API (<c>message_plugin</c>), so the backend drives
/// rooms without a session of its own; and closing a person's client session. See shared/notes/video.md.
/// </summary>
public sealed class JanusAdmin(HttpClient http, IOptions<VideoOptions> options)
{
    private const string Plugin = "janus.plugin.videoroom";
    private VideoOptions Options => options.Value;

    /// <summary>The participants Janus has in the room (publishers, whether or not they send media); null when the room is gone.</summary>
    public async Task<IReadOnlyList<JanusParticipant>?> ParticipantsAsync(string room, CancellationToken cancellationToken)
    {
        var response = await RoomRequestAsync(new JsonObject { ["request"] = "listparticipants", ["room"] = room }, cancellationToken, allowMissing: true);
        if (response is null)
        {
            return null;
        }

        return response["participants"]?.AsArray()
            .Select(p => new JanusParticipant(p!["id"]!.ToString(), p["display"]?.GetValue<string>(), p["publisher"]?.GetValue<bool>() ?? false))
            .ToList() ?? [];
    }

    public async Task CreateRoomAsync(JanusRoom room, CancellationToken cancellationToken)
    {
        var request = new JsonObject
        {
            ["request"] = "create",
            ["room"] = room.Id,
            ["admin_key"] = Options.RoomAdminKey,
            ["secret"] = room.Secret,
            ["pin"] = room.Pin,
            ["is_private"] = true,
            ["permanent"] = false,
            ["publishers"] = room.Publishers,
            ["notify_joining"] = true,
            ["record"] = room.Record,
            ["lock_record"] = true,
            ["audiocodec"] = "opus",
            ["videocodec"] = "vp8",
        };
        if (room.RecordingsFolder is { } folder)
        {
            request["rec_dir"] = folder;
        }

        await RoomRequestAsync(request, cancellationToken);
    }

    public Task DestroyRoomAsync(string room, string secret, CancellationToken cancellationToken) =>
        RoomRequestAsync(new JsonObject { ["request"] = "destroy", ["room"] = room, ["secret"] = secret }, cancellationToken, allowMissing: true);

    public Task KickAsync(string room, string secret, string participant, CancellationToken cancellationToken) =>
        RoomRequestAsync(new JsonObject { ["request"] = "kick", ["room"] = room, ["secret"] = secret, ["id"] = participant }, cancellationToken,
            allowMissing: true);

    /// <summary>Mutes (or lets unmute) every stream a participant publishes: janus.js offers audio as mid 0, video as mid 1.</summary>
    public async Task ModerateAsync(string room, string secret, string participant, bool mute, CancellationToken cancellationToken)
    {
        foreach (var mid in new[] { "0", "1" })
        {
            await RoomRequestAsync(new JsonObject
            {
                ["request"] = "moderate", ["room"] = room, ["secret"] = secret, ["id"] = participant, ["mid"] = mid, ["mute"] = mute,
            }, cancellationToken, allowMissing: true);
        }
    }

    public Task RecordAsync(string room, string secret, bool on, CancellationToken cancellationToken) =>
        RoomRequestAsync(new JsonObject { ["request"] = "enable_recording", ["room"] = room, ["secret"] = secret, ["record"] = on }, cancellationToken);

    /// <summary>Closes a person's Janus session (and so their peer connections), as its owner may.</summary>
    public async Task DestroySessionAsync(long session, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync($"{Options.JanusUrl.TrimEnd('/')}/{session}",
            new JsonObject { ["janus"] = "destroy", ["transaction"] = Transaction(), ["apisecret"] = Options.ApiSecret }, cancellationToken);
        // A session that is already gone (the person left, Janus restarted) is what we wanted.
    }

    private async Task<JsonNode?> RoomRequestAsync(JsonObject request, CancellationToken cancellationToken, bool allowMissing = false)
    {
        var body = new JsonObject
        {
            ["janus"] = "message_plugin",
            ["transaction"] = Transaction(),
            ["admin_secret"] = Options.AdminSecret,
            ["plugin"] = Plugin,
            ["request"] = request,
        };
        using var response = await http.PostAsJsonAsync(Options.AdminUrl, body, cancellationToken);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken)
            ?? throw new JanusException("Janus answered nothing.");
        if (answer["janus"]?.GetValue<string>() != "success")
        {
            throw new JanusException($"Janus refused {request["request"]}: {answer["error"]?["reason"]}");
        }

        var result = answer["response"];
        if (result?["error_code"] is { } code)
        {
            // 426: no such room; 428: no such participant (VideoRoom's own codes).
            if (allowMissing && code.GetValue<int>() is 426 or 428)
            {
                return null;
            }

            throw new JanusException($"Janus refused {request["request"]}: {result["error"]}");
        }

        return result;
    }

    private static string Transaction() => Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
}

public sealed record JanusParticipant(string Id, string? Display, bool Publishing);

/// <summary>A room as the meeting creates it (again, after a Janus restart) with the same id, secret and pin.</summary>
public sealed record JanusRoom(string Id, string Secret, string Pin, int Publishers, bool Record, string? RecordingsFolder);

public sealed class JanusException(string message) : Exception(message);
