namespace Sferum.PersonalData;

/// <summary>Configuration section <c>Sferum:PersonalData:Retention</c>: the platform's part of retention.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Sferum:PersonalData:Retention";

    /// <summary>Audit log entries older than this are purged (the chain's anchor keeps it verifiable).</summary>
    public int AuditYears { get; set; } = 3;

    /// <summary>Ended sign-in sessions (device and address) are deleted after this many days.</summary>
    public int SessionDays { get; set; } = 90;

    /// <summary>When the nightly job runs, in platform time — Moscow, SchoolClock.Fallback — (HH:mm).</summary>
    public string RunAt { get; set; } = "03:30";

    /// <summary>Stored files nothing refers to are deleted once older than this (an upload waits this long for its message).</summary>
    public int UnreferencedFileHours { get; set; } = 24;
}
