using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Sferum.Digest;

/// <summary>Sends a letter through the configured SMTP server with MailKit (TLS as configured, credentials when given).</summary>
public sealed class DigestMailer(IOptions<DigestOptions> options)
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        var tls = smtp.Tls switch
        {
            SmtpTls.None => SecureSocketOptions.None,
            SmtpTls.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException($"{DigestOptions.Section}:Smtp:Host is not set."), smtp.Port, tls, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.User))
        {
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>What a failure was, for the log and the table: its kind and SMTP status, never an address.</summary>
    public static string Describe(Exception ex) => ex switch
    {
        SmtpCommandException command => $"smtp {(int)command.StatusCode} {command.ErrorCode}",
        SmtpProtocolException => "smtp protocol",
        AuthenticationException => "smtp authentication",
        System.Net.Sockets.SocketException socket => $"socket {socket.SocketErrorCode}",
        _ => ex.GetType().Name,
    };
}
