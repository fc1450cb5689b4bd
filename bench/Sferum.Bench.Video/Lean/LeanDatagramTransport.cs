using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Org.BouncyCastle.Tls;

namespace Sferum.Bench.Video.Lean;

/// <summary>
/// BouncyCastle's view of the subscriber's UDP socket during the handshake: the socket's one receive loop hands it
/// the DTLS records (first byte 20–63, RFC 7983) and keeps STUN and SRTP for itself; sends go to the address Janus
/// nominated.
/// </summary>
public sealed class LeanDatagramTransport(Socket socket, IPEndPoint remote) : DatagramTransport
{
    private readonly BlockingCollection<byte[]> inbox = new(boundedCapacity: 64);

    /// <summary>From the receive loop; a full inbox (nobody is reading) drops the record, as a network would.</summary>
    public void Deliver(ReadOnlySpan<byte> record)
    {
        if (!inbox.IsAddingCompleted)
        {
            try
            {
                inbox.TryAdd(record.ToArray());
            }
            catch (InvalidOperationException)
            {
                // Closed between the check and the add: the handshake is over, late records have no reader.
            }
        }
    }

    public int GetReceiveLimit() => 1500;

    public int GetSendLimit() => 1200;

    public int Receive(byte[] buf, int off, int len, int waitMillis) => Receive(buf.AsSpan(off, len), waitMillis);

    public int Receive(Span<byte> buffer, int waitMillis)
    {
        if (!inbox.TryTake(out var record, waitMillis))
        {
            return -1;
        }

        var n = Math.Min(record.Length, buffer.Length);
        record.AsSpan(0, n).CopyTo(buffer);
        return n;
    }

    public void Send(byte[] buf, int off, int len) => Send(buf.AsSpan(off, len));

    public void Send(ReadOnlySpan<byte> buffer) => socket.SendTo(buffer, SocketFlags.None, remote);

    public void Close() => inbox.CompleteAdding();
}
