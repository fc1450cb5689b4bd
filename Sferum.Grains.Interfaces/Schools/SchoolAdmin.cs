using Sferum.Identity;

namespace Sferum.Schools;

/// <summary>
/// A school admin, appointed by SNILS so that the appointment can be made before the person ever signs in; it takes
/// effect when someone with that SNILS signs in with a verified (standard or confirmed) account.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.SchoolAdmin")]
public sealed record SchoolAdmin(
    [property: Id(0)] string Snils,
    [property: Id(1)] PersonName Name,
    [property: Id(2)] DateTimeOffset AppointedAt);
