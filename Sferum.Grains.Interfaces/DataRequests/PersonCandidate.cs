namespace Sferum.DataRequests;

/// <summary>
/// A person of the school whom a request can be about, or who can write for a child: <see cref="Key"/> names a roster
/// entry (<c>j:…</c>) or a Sferum user (<c>u:…</c>); <see cref="Description"/> says what they are in the school.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.PersonCandidate")]
public sealed record PersonCandidate(
    [property: Id(0)] string Key,
    [property: Id(1)] string Name,
    [property: Id(2)] string Description);

/// <summary>The person chosen as the subject, with the parents who may write for them.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.PersonChoice")]
public sealed record PersonChoice(
    [property: Id(0)] PersonCandidate Person,
    [property: Id(1)] IReadOnlyList<PersonCandidate> Representatives);
