namespace Sferum.Digest;

/// <summary>The one-click unsubscribe from a letter's link: no sign-in, the token is the proof (stateless).</summary>
[Alias("Sferum.IDigestUnsubscribeGrain")]
public interface IDigestUnsubscribeGrain : IGrainWithIntegerKey
{
    /// <summary>True when the token belongs to someone (for the confirmation page); changes nothing.</summary>
    [Alias("IsValid")]
    Task<bool> IsValidAsync(string token);

    /// <summary>Turns that person's digest off; false for a token that belongs to nobody.</summary>
    [Alias("Unsubscribe")]
    Task<bool> UnsubscribeAsync(string token);
}
