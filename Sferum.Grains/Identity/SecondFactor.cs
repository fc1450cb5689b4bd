using OtpNet;

namespace Sferum.Identity;

/// <summary>
/// Time-based one-time codes (RFC 6238: 6 digits, 30-second steps) from an authenticator app. A code is accepted one
/// step early or late (phone clocks drift) and never twice: the last step used is remembered.
/// </summary>
public static class SecondFactor
{
    public const string Issuer = "Сферум";

    public static byte[] NewSecret() => KeyGeneration.GenerateRandomKey(20);

    public static string ToBase32(byte[] secret) => Base32Encoding.ToString(secret);

    /// <summary>The <c>otpauth://</c> address an authenticator app reads from a QR code.</summary>
    public static string EnrolmentUri(byte[] secret, string accountName) =>
        new OtpUri(OtpType.Totp, secret, accountName, Issuer).ToString();

    /// <summary>The time step the code belongs to, if it is right for now and newer than <paramref name="lastUsedStep"/>.</summary>
    public static long? Verify(byte[] secret, string? code, long lastUsedStep, DateTime utcNow)
    {
        code = code?.Replace(" ", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(code) || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var totp = new Totp(secret);
        return totp.VerifyTotp(utcNow, code, out var step, new VerificationWindow(previous: 1, future: 1)) && step > lastUsedStep ? step : null;
    }
}
