namespace Sferum.Consents;

/// <summary>
/// What a withdrawal did: processing stopped at <see cref="WithdrawnAt"/>; then either the data stays under
/// <see cref="RemainingBasis"/> (said in words), or the <see cref="DestroyedCategories"/> are destroyed no later than
/// <see cref="DestroyBy"/>. <see cref="TimeZone"/> is the school's, for showing the date.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.ConsentWithdrawal")]
public sealed record ConsentWithdrawal(
    [property: Id(0)] Guid ConsentId,
    [property: Id(1)] string Title,
    [property: Id(2)] string SubjectName,
    [property: Id(3)] DateTimeOffset WithdrawnAt,
    [property: Id(4)] string? RemainingBasis,
    [property: Id(5)] DateTimeOffset? DestroyBy,
    [property: Id(6)] IReadOnlyList<string> DestroyedCategories,
    [property: Id(7)] string TimeZone);
