namespace Sferum.Classes;

/// <summary>What a person is in a class. A homeroom teacher is also a teacher.</summary>
[GenerateSerializer, Alias("Sferum.ClassRole")]
public enum ClassRole
{
    Student = 0,
    Parent = 1,
    Teacher = 2,
    HomeroomTeacher = 3,
}
