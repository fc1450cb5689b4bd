namespace Sferum.Meetings;

/// <summary>A breakout group of a lesson as its host sees it: who is in it, and whether it calls the host.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.BreakoutView")]
public sealed record BreakoutView(
    [property: Id(0)] int Index,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<Guid> MemberIds,
    [property: Id(3)] IReadOnlyList<string> MemberNames,
    [property: Id(4)] bool CallsHost);
