namespace Sferum.Communities;

/// <summary>Where a person stands with a community.</summary>
[GenerateSerializer, Alias("Sferum.CommunityStanding")]
public enum CommunityStanding
{
    None = 0,
    Requested = 1,
    Member = 2,
    Admin = 3,
    Refused = 4,
}

/// <summary>A community as the school's directory shows it to one person.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.CommunityCard")]
public sealed record CommunityCard(
    [property: Id(0)] Guid ChatId,
    [property: Id(1)] string Title,
    [property: Id(2)] string Description,
    [property: Id(3)] IReadOnlyList<int> OpenGrades,
    [property: Id(4)] bool OpenToParents,
    [property: Id(5)] int Members,
    [property: Id(6)] CommunityStanding Standing);

/// <summary>
/// What a community's leaders set: its name and description, and who finds it in the directory: students of
/// <see cref="OpenGrades"/> (none: staff only, like a teachers' methodical association) and, when set, parents.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.CommunitySettings")]
public sealed record CommunitySettings(
    [property: Id(0)] string Title,
    [property: Id(1)] string Description,
    [property: Id(2)] IReadOnlyList<int> OpenGrades,
    [property: Id(3)] bool OpenToParents);

/// <summary>A request to join, as the community's leaders see it.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.JoinRequest")]
public sealed record JoinRequest(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Note,
    [property: Id(3)] DateTimeOffset RequestedAt);

/// <summary>A member of a community as its leaders see it (to appoint other leaders).</summary>
[GenerateSerializer, Immutable, Alias("Sferum.CommunityMember")]
public sealed record CommunityMember(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] bool Admin);
