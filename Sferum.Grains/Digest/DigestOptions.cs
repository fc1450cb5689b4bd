namespace Sferum.Digest;

/// <summary>Configuration section <c>Sferum:Digest</c> (README: E-mail digest). Off unless <see cref="Enabled"/>.</summary>
public sealed class DigestOptions
{
    public const string Section = "Sferum:Digest";

    public bool Enabled { get; set; }

    /// <summary>The portal's address as people reach it, for the links in a letter ("https://sferum.school7.ru").</summary>
    public string? PublicUrl { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How often the scheduler looks for people who are due (Orleans reminders tick at most once a minute).</summary>
    public int ScanMinutes { get; set; } = 5;

    /// <summary>People run at once in one pass, and the most one pass takes.</summary>
    public int Parallel { get; set; } = 4;

    public int BatchSize { get; set; } = 200;

    /// <summary>The first retry after a failed send; each next one waits twice as long, up to <see cref="MaxRetryMinutes"/>.</summary>
    public double RetryMinutes { get; set; } = 1;

    public double MaxRetryMinutes { get; set; } = 60;

    /// <summary>Messages quoted per chat, when the school allows text.</summary>
    public int TextsPerChat { get; set; } = 3;
}
