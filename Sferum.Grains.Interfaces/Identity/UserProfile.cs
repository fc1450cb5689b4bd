namespace Sferum.Identity;

/// <summary>A Sferum user as the user sees themselves. Others see far less (a name and a role).</summary>
[GenerateSerializer, Immutable, Alias("Sferum.UserProfile")]
public sealed record UserProfile(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] PersonName Name,
    [property: Id(2)] string? Snils,
    [property: Id(3)] string? Email,
    [property: Id(4)] string? Phone,
    [property: Id(5)] TrustLevel Trust,
    [property: Id(6)] bool IsPlatformOperator,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset LastSignInAt,
    [property: Id(9)] bool SecondFactorEnrolled);
