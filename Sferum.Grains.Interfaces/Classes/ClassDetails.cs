namespace Sferum.Classes;

/// <summary>A class with its people, for its members and the school's admins.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.ClassDetails")]
public sealed record ClassDetails(
    [property: Id(0)] Guid ClassId,
    [property: Id(1)] Guid SchoolId,
    [property: Id(2)] string Name,
    [property: Id(3)] int Grade,
    [property: Id(4)] string AcademicYear,
    [property: Id(5)] Guid ClassChatId,
    [property: Id(6)] Guid ParentsChatId,
    [property: Id(7)] IReadOnlyList<ClassMember> Members,
    [property: Id(8)] bool Removed);
