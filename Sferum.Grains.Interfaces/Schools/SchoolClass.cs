namespace Sferum.Schools;

/// <summary>A class as a school's overview lists it.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.SchoolClass")]
public sealed record SchoolClass(
    [property: Id(0)] Guid ClassId,
    [property: Id(1)] string Name,
    [property: Id(2)] int Grade,
    [property: Id(3)] string AcademicYear,
    [property: Id(4)] int Students,
    [property: Id(5)] string? HomeroomTeacher);
