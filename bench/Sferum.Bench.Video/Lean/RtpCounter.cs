using System.Buffers.Binary;

namespace Sferum.Bench.Video.Lean;

/// <summary>
/// Counts what arrives after the handshake. SRTP encrypts only the payload, so the RTP header's SSRC and sequence
/// number are readable: per stream (audio, video) the highest extended sequence number is kept, which gives the
/// packets Janus sent against those that arrived, without decrypting anything. Written by the subscriber's receive
/// loop alone, read by the bench between windows.
/// </summary>
public sealed class RtpCounter
{
    private readonly Stream?[] streams = new Stream?[4];
    private long packets, bytes, rtcp;

    public long Packets => Volatile.Read(ref packets);

    public long Bytes => Volatile.Read(ref bytes);

    public long Rtcp => Volatile.Read(ref rtcp);

    /// <summary>Packets the sequence numbers say were sent so far (first to highest seen), over all streams.</summary>
    public long Expected => streams.Sum(s => s is null ? 0 : Volatile.Read(ref s.Highest) - s.First + 1);

    public void Add(ReadOnlySpan<byte> packet)
    {
        // RTCP shares the port (rtcp-mux): its packet types 192–223 sit where RTP has marker and payload type (RFC 5761 §4).
        if (packet[1] is >= 192 and <= 223)
        {
            Interlocked.Increment(ref rtcp);
            return;
        }

        Interlocked.Increment(ref packets);
        Interlocked.Add(ref bytes, packet.Length);
        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[8..]);
        var sequence = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        var stream = Find(ssrc);
        if (stream is null)
        {
            return;
        }

        if (stream.First < 0)
        {
            (stream.First, stream.Highest) = (sequence, sequence);
            return;
        }

        // Extend the 16-bit number to the one nearest the highest so far (wrap-around every 65536 packets).
        var highest = stream.Highest;
        var extended = (highest & ~0xFFFFL) | sequence;
        if (extended < highest - 0x8000)
        {
            extended += 0x10000;
        }
        else if (extended > highest + 0x8000)
        {
            extended -= 0x10000;
        }

        if (extended > highest)
        {
            Volatile.Write(ref stream.Highest, extended);
        }
    }

    private Stream? Find(uint ssrc)
    {
        for (var i = 0; i < streams.Length; i++)
        {
            if (streams[i] is null)
            {
                return streams[i] = new Stream { Ssrc = ssrc };
            }

            if (streams[i]!.Ssrc == ssrc)
            {
                return streams[i];
            }
        }

        return null; // more streams than a feed of camera and microphone has (RTX, probing): counted, not tracked
    }

    private sealed class Stream
    {
        public uint Ssrc;
        public long First = -1;
        public long Highest;
    }
}
