namespace Sferum.Sessions;

/// <summary>Configuration section <c>Sferum:Sessions</c>.</summary>
public sealed class SessionOptions
{
    public const string Section = "Sferum:Sessions";

    /// <summary>A session ends this long after sign-in, however active.</summary>
    public double LifetimeHours { get; set; } = 12;

    /// <summary>A session ends after this long without a request (a school computer left signed in).</summary>
    public double IdleMinutes { get; set; } = 120;
}
