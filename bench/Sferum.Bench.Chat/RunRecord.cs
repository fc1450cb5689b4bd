using System.Diagnostics;

namespace Sferum.Bench.Chat;

/// <summary>
/// Everything one run received: per message how many members have it, and each delivery's latency in a slot of its
/// own (message × receiver), so that figures can be taken over the measured window only and per message.
/// </summary>
public sealed class RunRecord(int run, int messages, int receiversPerMessage, int measuredFrom)
{
    private readonly int[] delivered = new int[messages];
    private readonly long[] latencies = new long[(long)messages * receiversPerMessage];
    private readonly long[] ackLatencies = new long[messages];
    private long deliveredTotal;
    private long measuredDelivered;
    private long echoes;
    private long acknowledged;
    private long measuredAcks;
    private long failed;
    private long extra;

    public int Run { get; } = run;

    public int Messages { get; } = messages;

    public int ReceiversPerMessage { get; } = receiversPerMessage;

    /// <summary>Messages below this number were sent during the warm-up and are not measured.</summary>
    public int MeasuredFrom { get; } = measuredFrom;

    public long DeliveredTotal => Interlocked.Read(ref deliveredTotal);

    /// <summary>Deliveries of the messages sent in the measured window (at most one per receiver and message).</summary>
    public long MeasuredDelivered => Interlocked.Read(ref measuredDelivered);

    public long Echoes => Interlocked.Read(ref echoes);

    public long Acknowledged => Interlocked.Read(ref acknowledged);

    public long Failed => Interlocked.Read(ref failed);

    /// <summary>Deliveries beyond the number of receivers: a message delivered twice to someone.</summary>
    public long Extra => Interlocked.Read(ref extra);

    public void Received(int message, bool echo, long ticks)
    {
        if ((uint)message >= (uint)Messages)
        {
            return;
        }

        if (echo)
        {
            Interlocked.Increment(ref echoes);
            return;
        }

        var slot = Interlocked.Increment(ref delivered[message]) - 1;
        if (slot >= ReceiversPerMessage)
        {
            Interlocked.Increment(ref extra);
            return;
        }

        latencies[(long)message * ReceiversPerMessage + slot] = ticks;
        Interlocked.Increment(ref deliveredTotal);
        if (message >= MeasuredFrom)
        {
            Interlocked.Increment(ref measuredDelivered);
        }
    }

    public void CountAck(long? ticks)
    {
        Interlocked.Increment(ref acknowledged);
        if (ticks is { } t && Interlocked.Increment(ref measuredAcks) - 1 is var n && n < ackLatencies.Length)
        {
            ackLatencies[n] = t;
        }
    }

    /// <summary>Send → acknowledgement (the commit's answer back at the sender), ms, sorted.</summary>
    public double[] AckLatenciesMs()
    {
        var n = (int)Math.Min(Interlocked.Read(ref measuredAcks), ackLatencies.Length);
        var array = ackLatencies.Take(n).Select(t => t * 1000.0 / Stopwatch.Frequency).ToArray();
        Array.Sort(array);
        return array;
    }

    public void CountFailure() => Interlocked.Increment(ref failed);

    public int DeliveredOf(int message) => Math.Min(Volatile.Read(ref delivered[message]), ReceiversPerMessage);

    /// <summary>Latencies in milliseconds of the deliveries of messages [from, to), sorted.</summary>
    public double[] LatenciesMs(int from, int to)
    {
        var list = new List<double>();
        for (var m = from; m < to; m++)
        {
            list.AddRange(Of(m));
        }

        var array = list.ToArray();
        Array.Sort(array);
        return array;
    }

    /// <summary>The latencies (ms) of one message's deliveries, in the order they came.</summary>
    public IEnumerable<double> Of(int message)
    {
        var n = DeliveredOf(message);
        for (var i = 0; i < n; i++)
        {
            yield return latencies[(long)message * ReceiversPerMessage + i] * 1000.0 / Stopwatch.Frequency;
        }
    }
}
