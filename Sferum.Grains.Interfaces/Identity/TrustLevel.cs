namespace Sferum.Identity;

/// <summary>How far the identity provider has verified the account (ESIA: simplified, standard, confirmed).</summary>
[GenerateSerializer, Alias("Sferum.TrustLevel")]
public enum TrustLevel
{
    Simplified = 0,
    Standard = 1,
    Confirmed = 2,
}
