namespace Sferum.Identity;

/// <summary>The provider's words for trust levels, as they travel in the <c>trust_level</c> claim.</summary>
public static class TrustLevels
{
    public static bool TryParse(string? value, out TrustLevel level)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "simplified":
                level = TrustLevel.Simplified;
                return true;
            case "standard":
                level = TrustLevel.Standard;
                return true;
            case "confirmed":
                level = TrustLevel.Confirmed;
                return true;
            default:
                level = TrustLevel.Simplified;
                return false;
        }
    }

    public static string ToClaimValue(this TrustLevel level) => level switch
    {
        TrustLevel.Confirmed => "confirmed",
        TrustLevel.Standard => "standard",
        _ => "simplified",
    };
}
