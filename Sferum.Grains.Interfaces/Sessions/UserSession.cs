namespace Sferum.Sessions;

/// <summary>One signed-in device as its owner sees it on their page.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.UserSession")]
public sealed record UserSession(
    [property: Id(0)] Guid SessionId,
    [property: Id(1)] string UserAgent,
    [property: Id(2)] string Address,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset LastSeenAt);
