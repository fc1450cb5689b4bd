using System.Text.Json.Nodes;
using Sferum.Meetings;
using Sferum.Web.Meetings;

namespace Sferum.Web.Tests.Meetings;

/// <summary>What the signalling proxy lets through to Janus and what it writes into it (pure rules).</summary>
public sealed class JanusSignalRulesTests
{
    private static readonly SignalGrant Listener = new("room-1", "pin-1", "p-1", "s-1", "Петров Иван", MayPublish: false, MayShareScreen: false);
    private static readonly SignalGrant Speaker = Listener with { MayPublish = true, MayShareScreen = true };

    private static JsonObject Message(object body, bool offer = false)
    {
        var request = new JsonObject { ["janus"] = "message", ["transaction"] = "t", ["body"] = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(body)) };
        if (offer)
        {
            request["jsep"] = new JsonObject { ["type"] = "offer", ["sdp"] = "v=0" };
        }

        return request;
    }

    [Fact]
    public void A_join_gets_the_meetings_room_pin_id_and_name_whatever_the_browser_sent()
    {
        var (sent, refusal) = JanusSignalRules.Apply(
            Message(new { request = "join", ptype = "publisher", room = "guessed", pin = "wrong", id = "someone-else", display = "Директор" }),
            Listener, atSession: true, atHandle: true, "api");
        Assert.Null(refusal);
        var body = sent!["body"]!;
        Assert.Equal("room-1", body["room"]!.ToString());
        Assert.Equal("pin-1", body["pin"]!.ToString());
        Assert.Equal("p-1", body["id"]!.ToString());
        Assert.Equal("Петров Иван", body["display"]!.ToString());
        Assert.Equal("api", sent["apisecret"]!.ToString());
    }

    [Fact]
    public void Only_someone_allowed_to_speak_may_offer_media_or_share_a_screen()
    {
        Assert.NotNull(JanusSignalRules.Apply(Message(new { request = "publish" }, offer: true), Listener, true, true, "api").Refusal);
        Assert.NotNull(JanusSignalRules.Apply(Message(new { request = "configure", audio = true }, offer: true), Listener, true, true, "api").Refusal);
        Assert.NotNull(JanusSignalRules.Apply(Message(new { request = "join", ptype = "publisher", id = "screen" }), Listener, true, true, "api").Refusal);
        Assert.Null(JanusSignalRules.Apply(Message(new { request = "publish" }, offer: true), Speaker, true, true, "api").Refusal);
        var screen = JanusSignalRules.Apply(Message(new { request = "join", ptype = "publisher", id = "screen" }), Speaker, true, true, "api").Request!;
        Assert.Equal("s-1", screen["body"]!["id"]!.ToString());
        // Subscribing answers an offer from Janus: a listener may always do that.
        Assert.Null(JanusSignalRules.Apply(Message(new { request = "start" }), Listener, true, true, "api").Refusal);
    }

    [Theory]
    [InlineData("create")]
    [InlineData("destroy")]
    [InlineData("kick")]
    [InlineData("moderate")]
    [InlineData("enable_recording")]
    [InlineData("rtp_forward")]
    [InlineData("list")]
    [InlineData("listparticipants")]
    [InlineData("allowed")]
    [InlineData("edit")]
    public void Requests_that_manage_rooms_record_or_forward_media_are_refused(string request) =>
        Assert.NotNull(JanusSignalRules.Apply(Message(new { request, room = "room-1" }), Speaker, true, true, "api").Refusal);

    [Fact]
    public void Recording_and_secrets_are_stripped_from_what_is_let_through()
    {
        var sent = JanusSignalRules.Apply(Message(new { request = "configure", record = true, filename = "/etc/x", secret = "s", admin_key = "k" }),
            Speaker, true, true, "api").Request!["body"]!.AsObject();
        Assert.False(sent.ContainsKey("record"));
        Assert.False(sent.ContainsKey("filename"));
        Assert.False(sent.ContainsKey("secret"));
        Assert.False(sent.ContainsKey("admin_key"));
    }

    [Fact]
    public void Only_the_video_room_may_be_attached_and_each_level_takes_only_its_own_verbs()
    {
        Assert.NotNull(JanusSignalRules.Apply(new JsonObject { ["janus"] = "attach", ["plugin"] = "janus.plugin.streaming" }, Speaker, true, false, "api").Refusal);
        Assert.Null(JanusSignalRules.Apply(new JsonObject { ["janus"] = "attach", ["plugin"] = "janus.plugin.videoroom" }, Speaker, true, false, "api").Refusal);
        Assert.NotNull(JanusSignalRules.Apply(new JsonObject { ["janus"] = "message" }, Speaker, false, false, "api").Refusal);
        Assert.NotNull(JanusSignalRules.Apply(new JsonObject { ["janus"] = "create" }, Speaker, true, false, "api").Refusal);
        Assert.NotNull(JanusSignalRules.Apply(new JsonObject { ["janus"] = 5 }, Speaker, false, false, "api").Refusal);
    }
}
