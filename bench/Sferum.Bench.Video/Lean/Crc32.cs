namespace Sferum.Bench.Video.Lean;

/// <summary>
/// CRC-32 (ISO-HDLC, reflected polynomial 0xEDB88320), which STUN's FINGERPRINT attribute uses (RFC 5389 §15.5).
/// Written here because the BCL has no CRC-32 without the System.IO.Hashing package, and a table of 256 entries is all it takes.
/// </summary>
public static class Crc32
{
    private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }

        return c;
    }).ToArray();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
