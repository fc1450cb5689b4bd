namespace Sferum.Consents;

/// <summary>
/// A person whose consents the viewer manages in one school: themselves, or a linked minor child. What Sferum holds
/// about them on which basis, what they may consent to, and every consent given for them (in force first).
/// <see cref="CannotGiveReason"/> says why nothing can be given (a pupil under 18 themselves, an adult child);
/// <see cref="CanWithdraw"/> whether the viewer may withdraw them (the subject, or a parent while the child is a minor).
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.ConsentSubject")]
public sealed record ConsentSubject(
    [property: Id(0)] string SubjectKey,
    [property: Id(1)] string Name,
    [property: Id(2)] bool IsSelf,
    [property: Id(3)] string? CannotGiveReason,
    [property: Id(4)] IReadOnlyList<DataBasis> Bases,
    [property: Id(5)] IReadOnlyList<ConsentOffer> Offers,
    [property: Id(6)] IReadOnlyList<ConsentRecord> Consents,
    [property: Id(7)] bool CanWithdraw);
