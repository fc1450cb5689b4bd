namespace Sferum.Schools;

/// <summary>
/// What a school allows beyond "school mode" (the default: students write only to their teachers, parents only to
/// their children's teachers), and who may join by invitation: whether a <c>simplified</c> account may join as a student
/// or parent, and how many parents a student may have. Set by the school's admins.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.SchoolChatPolicy")]
public sealed record SchoolChatPolicy(
    [property: Id(0)] bool StudentsMayWriteToClassmates = false,
    [property: Id(1)] bool ParentsMayWriteToParents = false,
    [property: Id(2)] bool SimplifiedAccountsMayJoin = false,
    [property: Id(3)] int MaxParentsPerStudent = SchoolChatPolicy.DefaultMaxParentsPerStudent)
{
    public const int DefaultMaxParentsPerStudent = 4;

    public static SchoolChatPolicy SchoolMode { get; } = new();
}
