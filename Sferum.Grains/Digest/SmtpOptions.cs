namespace Sferum.Digest;

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpTls Tls { get; set; } = SmtpTls.StartTls;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender's address; its domain also names the letters' Message-IDs.</summary>
    public string? From { get; set; }

    public string FromName { get; set; } = "Сферум";

    public int TimeoutSeconds { get; set; } = 20;
}
