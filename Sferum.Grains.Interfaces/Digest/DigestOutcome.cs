namespace Sferum.Digest;

[GenerateSerializer, Alias("Sferum.DigestOutcome")]
public enum DigestOutcome
{
    /// <summary>The person gets no digest (not chosen, or the school's default does not apply).</summary>
    Off = 0,
    /// <summary>The account has no verified e-mail address.</summary>
    NoAddress = 1,
    /// <summary>Not due yet.</summary>
    NotDue = 2,
    /// <summary>Nothing unread since the last digest.</summary>
    NothingNew = 3,
    /// <summary>Quiet hours at the school: postponed to their end.</summary>
    QuietHours = 4,
    /// <summary>The SMTP server took the letter.</summary>
    Sent = 5,
    /// <summary>Sending failed; it is retried later with the same content.</summary>
    Failed = 6,
    /// <summary>Sending e-mail is not configured on this silo.</summary>
    Disabled = 7,
}
