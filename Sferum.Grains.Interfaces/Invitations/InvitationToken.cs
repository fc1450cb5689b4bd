using System.Buffers.Text;
using System.Security.Cryptography;

namespace Sferum.Invitations;

/// <summary>
/// An invitation's token: the invitation's id and 32 random bytes, base64url (64 characters). The id lets the link find
/// its grain without a lookup; the random part is the secret, of which only the SHA-256 is stored.
/// </summary>
public static class InvitationToken
{
    private const int IdBytes = 16;
    private const int SecretBytes = 32;
    public const int Length = 64;

    public static string Create(Guid invitationId)
    {
        Span<byte> bytes = stackalloc byte[IdBytes + SecretBytes];
        invitationId.TryWriteBytes(bytes[..IdBytes]);
        RandomNumberGenerator.Fill(bytes[IdBytes..]);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The invitation id a well-formed token names; false for anything else.</summary>
    public static bool TryReadId(string? token, out Guid invitationId)
    {
        invitationId = Guid.Empty;
        Span<byte> bytes = stackalloc byte[IdBytes + SecretBytes];
        if (token is null || token.Length != Length || !Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != bytes.Length)
        {
            return false;
        }

        invitationId = new Guid(bytes[..IdBytes]);
        return true;
    }

    public static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token));

    /// <summary>Compares a token with a stored hash in constant time.</summary>
    public static bool Matches(string token, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(token), storedHash);
}
