using System.Text.Json.Nodes;
using Sferum.Meetings;

namespace Sferum.Web.Meetings;

/// <summary>
/// What a person's browser may ask Janus, and what Sferum writes into it. Janus checks the room's pin for everyone but
/// its publisher list only for publishers (shared/notes/video.md), so the rules live here: the room, the pin and the
/// participant id always come from the meeting's grant, never from the browser; only the VideoRoom plugin may be
/// attached; no request manages rooms, records or forwards media; and only a person allowed to speak may offer media.
/// Pure: tested on its own.
/// </summary>
public static class JanusSignalRules
{
    private static readonly HashSet<string> AtRoot = ["create"];
    private static readonly HashSet<string> AtSession = ["attach", "keepalive", "destroy"];
    private static readonly HashSet<string> AtHandle = ["message", "trickle", "detach", "hangup"];

    private static readonly HashSet<string> PluginRequests =
        ["join", "joinandconfigure", "configure", "publish", "unpublish", "start", "pause", "leave", "switch", "update", "subscribe", "unsubscribe"];

    /// <summary>Keys no browser may set: room management, recording, forwarding and Janus's own secrets.</summary>
    private static readonly string[] Stripped = ["secret", "admin_key", "record", "filename", "rec_dir", "apisecret", "token", "allowed"];

    /// <summary>Returns the request to send to Janus, or the reason it is refused.</summary>
    public static (JsonObject? Request, string? Refusal) Apply(JsonObject request, SignalGrant grant, bool atSession, bool atHandle, string apiSecret)
    {
        var verb = request["janus"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? request["janus"]!.GetValue<string>() : null;
        var allowed = atHandle ? AtHandle : atSession ? AtSession : AtRoot;
        if (verb is null || !allowed.Contains(verb))
        {
            return (null, $"запрос «{verb}» здесь не разрешён");
        }

        if (verb == "attach" && request["plugin"]?.ToString() != "janus.plugin.videoroom")
        {
            return (null, "доступен только видеозал");
        }

        if (verb == "message")
        {
            if (request["body"] is not JsonObject body || body["request"]?.ToString() is not { } what || !PluginRequests.Contains(what))
            {
                return (null, "такой запрос к видеозалу не разрешён");
            }

            foreach (var key in Stripped)
            {
                body.Remove(key);
            }

            var offersMedia = request["jsep"] is JsonObject jsep && jsep["type"]?.ToString() == "offer";
            var ptype = body["ptype"]?.ToString();
            if (what is "join" or "joinandconfigure")
            {
                body["room"] = grant.RoomId;
                body["pin"] = grant.Pin;
                if (ptype == "publisher")
                {
                    // The browser asks for its screen-sharing feed by the word "screen"; it never learns either id.
                    var screen = body["id"]?.ToString() == "screen";
                    if (screen && !grant.MayShareScreen)
                    {
                        return (null, "показывать экран может организатор и те, кому он разрешил");
                    }

                    body["id"] = screen ? grant.ScreenParticipantId : grant.ParticipantId;
                    body["display"] = screen ? $"{grant.Display} — экран" : grant.Display;
                }
                else if (ptype == "subscriber")
                {
                    body.Remove("private_id");
                }
                else
                {
                    return (null, "неизвестный вид участника");
                }
            }
            else if (what is "leave" or "subscribe" or "unsubscribe" or "switch" or "update")
            {
                body.Remove("room");
            }

            if ((what is "publish" || offersMedia && what is "configure" or "joinandconfigure") && !grant.MayPublish)
            {
                return (null, "организатор пока не дал вам слово");
            }
        }

        request["apisecret"] = apiSecret;
        return (request, null);
    }
}
