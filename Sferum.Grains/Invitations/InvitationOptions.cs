namespace Sferum.Invitations;

/// <summary>Configuration section <c>Sferum:Invitations</c>: how often links may be tried.</summary>
public sealed class InvitationOptions
{
    public const string Section = "Sferum:Invitations";

    /// <summary>Attempts (checks and joins, good or bad) one user may make in <see cref="WindowMinutes"/>.</summary>
    public int AttemptsPerUser { get; set; } = 20;

    /// <summary>
    /// Attempts from one network address in the window. Higher than per user: a school's pupils may all join from the
    /// school's one address in the same lesson.
    /// </summary>
    public int AttemptsPerAddress { get; set; } = 200;

    public int WindowMinutes { get; set; } = 10;
}
