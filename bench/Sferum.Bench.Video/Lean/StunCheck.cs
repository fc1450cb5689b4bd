using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Sferum.Bench.Video.Lean;

/// <summary>
/// A connectivity check (STUN Binding request) that Janus sent to this ICE-lite agent, read and verified: USERNAME must
/// start with our ufrag, MESSAGE-INTEGRITY must be the HMAC-SHA1 of the message keyed with our ice-pwd, and a
/// FINGERPRINT, when present, must match. Anything else is not answered, as RFC 8445 §7.3 asks.
/// </summary>
public sealed record StunCheck(byte[] TransactionId, string Username, bool UseCandidate, bool Controlling)
{
    /// <summary>STUN's first two bits are 0 and it carries the magic cookie; RTP, RTCP and DTLS never look like that (RFC 7983).</summary>
    public static bool IsStun(ReadOnlySpan<byte> packet) =>
        packet.Length >= 20 && packet[0] < 4 && BinaryPrimitives.ReadUInt32BigEndian(packet[4..]) == StunWriter.MagicCookie;

    public static ushort TypeOf(ReadOnlySpan<byte> packet) => BinaryPrimitives.ReadUInt16BigEndian(packet);

    /// <summary>The verified Binding request, or null with the reason it was not one we answer.</summary>
    public static (StunCheck? Check, string? Refusal) Read(ReadOnlySpan<byte> packet, string localUfrag, byte[] localPwd)
    {
        if (!IsStun(packet) || TypeOf(packet) != StunAttribute.BindingRequest)
        {
            return (null, "not a Binding request");
        }

        var end = 20 + BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        if (end > packet.Length)
        {
            return (null, "truncated");
        }

        string? username = null;
        bool useCandidate = false, controlling = false, integrity = false;
        for (var at = 20; at + 4 <= end;)
        {
            var type = BinaryPrimitives.ReadUInt16BigEndian(packet[at..]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(packet[(at + 2)..]);
            if (at + 4 + length > end)
            {
                return (null, "attribute past the end");
            }

            var value = packet.Slice(at + 4, length);
            switch (type)
            {
                case StunAttribute.Username:
                    username = Encoding.UTF8.GetString(value);
                    break;
                case StunAttribute.UseCandidate:
                    useCandidate = true;
                    break;
                case StunAttribute.IceControlling:
                    controlling = true;
                    break;
                case StunAttribute.MessageIntegrity:
                    // The HMAC covers everything before it, with the length field as if the message ended right after it.
                    var signed = packet[..at].ToArray();
                    StunWriter.SetLength(signed, at + 24);
                    if (length != 20 || !CryptographicOperations.FixedTimeEquals(HMACSHA1.HashData(localPwd, signed), value))
                    {
                        return (null, "wrong MESSAGE-INTEGRITY");
                    }

                    integrity = true;
                    break;
                case StunAttribute.Fingerprint:
                    var before = packet[..at].ToArray();
                    StunWriter.SetLength(before, at + 8);
                    if (length != 4 || BinaryPrimitives.ReadUInt32BigEndian(value) != StunWriter.FingerprintOf(before))
                    {
                        return (null, "wrong FINGERPRINT");
                    }

                    break;
            }

            at += 4 + StunWriter.Padded(length);
        }

        if (!integrity)
        {
            return (null, "no MESSAGE-INTEGRITY");
        }

        if (username is null || !username.StartsWith(localUfrag + ":", StringComparison.Ordinal))
        {
            return (null, "USERNAME is not ours");
        }

        return (new StunCheck(packet.Slice(8, 12).ToArray(), username, useCandidate, controlling), null);
    }
}
