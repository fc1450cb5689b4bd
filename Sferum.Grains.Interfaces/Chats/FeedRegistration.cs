namespace Sferum.Chats;

/// <summary>
/// A chat's answer to a web node registering its feed: where the log ends (the node fetches what it missed up to
/// there) and which of the people the node serves in this chat are not members any more (the node drops their
/// connections before it passes anything on). A chat re-activated after its silo died knows neither the node nor who
/// left while it was away: this answer is how removals survive that.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.FeedRegistration")]
public sealed record FeedRegistration(
    [property: Id(0)] long LastSeq,
    [property: Id(1)] IReadOnlyList<Guid> NotMembers);
