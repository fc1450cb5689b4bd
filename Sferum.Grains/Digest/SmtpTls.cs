namespace Sferum.Digest;

public enum SmtpTls
{
    None = 0,
    StartTls = 1,
    SslOnConnect = 2,
}
