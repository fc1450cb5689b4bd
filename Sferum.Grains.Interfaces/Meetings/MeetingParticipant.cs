namespace Sferum.Meetings;

/// <summary>
/// Someone the meeting knows: inside now, waiting in the lobby, or asking to speak. <see cref="ChildNames"/> is set for
/// a parent in a parent meeting (the host sees whose parent is waiting), and only in the host's view; <see cref="InvitedAs"/>
/// is the name the host gave a guest's link (the host compares it with the name the identity provider vouched for).
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.MeetingParticipant")]
public sealed record MeetingParticipant(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] bool Inside,
    [property: Id(3)] bool InLobby,
    [property: Id(4)] bool MayPublish,
    [property: Id(5)] bool HandRaised,
    [property: Id(6)] IReadOnlyList<string> ChildNames,
    [property: Id(7)] string? InvitedAs = null);
