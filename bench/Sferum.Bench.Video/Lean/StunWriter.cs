using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;

namespace Sferum.Bench.Video.Lean;

/// <summary>
/// Builds one STUN message (RFC 5389): header, attributes, then MESSAGE-INTEGRITY (HMAC-SHA1 keyed with the ICE
/// password, the short-term credential of RFC 8445 §7.2.2) and FINGERPRINT, in that order, each computed with the
/// header's length already counting it, as the RFC asks.
/// </summary>
public sealed class StunWriter(ushort type, ReadOnlySpan<byte> transactionId)
{
    public const uint MagicCookie = 0x2112A442;
    private const uint FingerprintXor = 0x5354554E;

    private readonly byte[] transaction = transactionId.ToArray();
    private readonly List<(ushort Type, byte[] Value)> attributes = [];

    public StunWriter Add(ushort attribute, byte[] value)
    {
        attributes.Add((attribute, value));
        return this;
    }

    /// <summary>XOR-MAPPED-ADDRESS for an IPv4 endpoint: the address the request came from, as the answerer saw it.</summary>
    public StunWriter AddXorMappedAddress(IPEndPoint endpoint)
    {
        var value = new byte[8];
        value[1] = 0x01; // IPv4
        BinaryPrimitives.WriteUInt16BigEndian(value.AsSpan(2), (ushort)(endpoint.Port ^ (MagicCookie >> 16)));
        var address = endpoint.Address.GetAddressBytes();
        var cookie = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(cookie, MagicCookie);
        for (var i = 0; i < 4; i++)
        {
            value[4 + i] = (byte)(address[i] ^ cookie[i]);
        }

        return Add(StunAttribute.XorMappedAddress, value);
    }

    public byte[] ToBytes(byte[]? integrityKey, bool fingerprint)
    {
        var size = 20 + attributes.Sum(a => 4 + Padded(a.Value.Length)) + (integrityKey is null ? 0 : 24) + (fingerprint ? 8 : 0);
        var message = new byte[size];
        BinaryPrimitives.WriteUInt16BigEndian(message, type);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(4), MagicCookie);
        transaction.CopyTo(message, 8);
        var at = 20;
        foreach (var (attribute, value) in attributes)
        {
            at = WriteAttribute(message, at, attribute, value);
        }

        if (integrityKey is not null)
        {
            SetLength(message, at + 24);
            at = WriteAttribute(message, at, StunAttribute.MessageIntegrity, HMACSHA1.HashData(integrityKey, message.AsSpan(0, at)));
        }

        if (fingerprint)
        {
            SetLength(message, at + 8);
            var crc = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.Compute(message.AsSpan(0, at)) ^ FingerprintXor);
            at = WriteAttribute(message, at, StunAttribute.Fingerprint, crc);
        }

        SetLength(message, at);
        return message;
    }

    internal static int Padded(int length) => (length + 3) & ~3;

    /// <summary>The header's length field counts the bytes after the 20-byte header, up to <paramref name="end"/>.</summary>
    internal static void SetLength(Span<byte> message, int end) => BinaryPrimitives.WriteUInt16BigEndian(message[2..], (ushort)(end - 20));

    internal static uint FingerprintOf(ReadOnlySpan<byte> before) => Crc32.Compute(before) ^ FingerprintXor;

    private static int WriteAttribute(byte[] message, int at, ushort attribute, byte[] value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(at), attribute);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(at + 2), (ushort)value.Length);
        value.CopyTo(message, at + 4);
        return at + 4 + Padded(value.Length);
    }
}
