namespace Sferum.PersonalData;

/// <summary>
/// A person of the school as its admin manages their data: the roster record's fields (what the admin may correct),
/// whether they have a Sferum account, and where an erasure of them stands. <see cref="MemberKey"/> is the roster's
/// journal id, or <c>u:{user id}</c> for someone in the school by invitation only.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.PersonRecord")]
public sealed record PersonRecord(
    [property: Id(0)] Guid SchoolId,
    [property: Id(1)] string MemberKey,
    [property: Id(2)] string ErasureKey,
    [property: Id(3)] Guid? UserId,
    [property: Id(4)] string LastName,
    [property: Id(5)] string FirstName,
    [property: Id(6)] string? MiddleName,
    [property: Id(7)] DateOnly? BirthDate,
    [property: Id(8)] string? Email,
    [property: Id(9)] string? Phone,
    [property: Id(10)] string Role,
    [property: Id(11)] bool OnRoster,
    [property: Id(12)] bool LeftRoster,
    [property: Id(13)] ErasureStatus Erasure);
