namespace Sferum.Sessions;

/// <summary>Sessions that ended after a point in time, and the point to ask from next time.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.SessionEndings")]
public sealed record SessionEndings(
    [property: Id(0)] IReadOnlyList<Guid> SessionIds,
    [property: Id(1)] DateTimeOffset Cursor);
