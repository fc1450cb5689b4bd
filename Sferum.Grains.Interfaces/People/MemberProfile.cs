using Sferum.Classes;
using Sferum.Identity;

namespace Sferum.People;

/// <summary>
/// A person as another member of their school sees them: a name and what they are in the schools the two share.
/// Contact data only for a school admin of one of those schools; nothing that links to any other identity.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.MemberProfile")]
public sealed record MemberProfile(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] PersonName Name,
    [property: Id(2)] IReadOnlyList<MemberStanding> Schools,
    [property: Id(3)] MemberContact? Contact);

/// <summary>What the person is in one school: admin, staff (with the journal's position), and their classes.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.MemberStanding")]
public sealed record MemberStanding(
    [property: Id(0)] Guid SchoolId,
    [property: Id(1)] string SchoolName,
    [property: Id(2)] bool IsSchoolAdmin,
    [property: Id(3)] bool IsStaff,
    [property: Id(4)] string? Position,
    [property: Id(5)] IReadOnlyList<MemberClass> Classes);

[GenerateSerializer, Immutable, Alias("Sferum.MemberClass")]
public sealed record MemberClass(
    [property: Id(0)] Guid ClassId,
    [property: Id(1)] string Name,
    [property: Id(2)] ClassRole Role);

/// <summary>Contact data, shown to the admins of the person's school only.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.MemberContact")]
public sealed record MemberContact(
    [property: Id(0)] string? Snils,
    [property: Id(1)] string? Email,
    [property: Id(2)] string? Phone,
    [property: Id(3)] DateOnly? BirthDate);
