namespace Sferum.Schools;

/// <summary>
/// What a school allows beyond "school mode" (the default: students write only to their teachers, parents only to
/// their children's teachers). Set by the school's admins.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.SchoolChatPolicy")]
public sealed record SchoolChatPolicy(
    [property: Id(0)] bool StudentsMayWriteToClassmates = false,
    [property: Id(1)] bool ParentsMayWriteToParents = false)
{
    public static SchoolChatPolicy SchoolMode { get; } = new();
}
