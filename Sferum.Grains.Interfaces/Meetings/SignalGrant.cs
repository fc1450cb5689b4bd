namespace Sferum.Meetings;

/// <summary>
/// What the web node's signalling proxy puts into this person's requests to Janus. The room id and pin never reach
/// the browser: the proxy adds them, so nobody can join a room by knowing or guessing them.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.SignalGrant")]
public sealed record SignalGrant(
    [property: Id(0)] string RoomId,
    [property: Id(1)] string Pin,
    [property: Id(2)] string ParticipantId,
    [property: Id(3)] string ScreenParticipantId,
    [property: Id(4)] string Display,
    [property: Id(5)] bool MayPublish,
    [property: Id(6)] bool MayShareScreen);
