namespace Sferum.Identity;

/// <summary>
/// What the identity provider vouched for at sign-in, read from its claims. <see cref="ChildrenSnils"/> are the
/// children the provider knows of (ESIA's <c>kid_*</c> scopes): they propose parent links, which the person confirms.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.ExternalIdentity")]
public sealed record ExternalIdentity(
    [property: Id(0)] string Provider,
    [property: Id(1)] string Subject,
    [property: Id(2)] PersonName Name,
    [property: Id(3)] string? Snils,
    [property: Id(4)] string? Email,
    [property: Id(5)] bool EmailVerified,
    [property: Id(6)] string? Phone,
    [property: Id(7)] bool PhoneVerified,
    [property: Id(8)] TrustLevel Trust,
    [property: Id(9)] IReadOnlyList<string>? ChildrenSnils = null);
