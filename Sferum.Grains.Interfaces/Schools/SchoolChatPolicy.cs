namespace Sferum.Schools;

/// <summary>
/// What a school allows beyond "school mode" (the default: students write only to their teachers, parents only to
/// their children's teachers), and who may join by invitation: whether a <c>simplified</c> account may join as a student
/// or parent, how many parents a student may have, and the quiet hours (<see cref="QuietHours"/>). Set by the school's admins.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.SchoolChatPolicy")]
public sealed record SchoolChatPolicy(
    [property: Id(0)] bool StudentsMayWriteToClassmates = false,
    [property: Id(1)] bool ParentsMayWriteToParents = false,
    [property: Id(2)] bool SimplifiedAccountsMayJoin = false,
    [property: Id(3)] int MaxParentsPerStudent = SchoolChatPolicy.DefaultMaxParentsPerStudent,
    [property: Id(4)] bool QuietHoursOff = false,
    [property: Id(5)] int QuietStartMinute = SchoolChatPolicy.DefaultQuietStart,
    [property: Id(6)] int QuietEndMinute = SchoolChatPolicy.DefaultQuietEnd)
{
    public const int DefaultMaxParentsPerStudent = 4;

    /// <summary>Quiet hours by default: 21:00–08:00 in the school's time zone (minutes after midnight).</summary>
    public const int DefaultQuietStart = 21 * 60, DefaultQuietEnd = 8 * 60;

    public static SchoolChatPolicy SchoolMode { get; } = new();
}
