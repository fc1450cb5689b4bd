using System.Buffers.Text;

namespace Sferum.Bench.Chat;

/// <summary>
/// Reads what the members' connections receive, without parsing JSON: a bench message's text is
/// <c>b:&lt;run&gt;.&lt;message&gt;.&lt;sender&gt;.&lt;sent at&gt;</c>, so the latency of a delivery is its receipt time minus the
/// number after the last dot (one monotonic clock: senders and receivers are this process). A message's copy reflected
/// to its own sender is counted as an echo and left out, as the peer's generator does. Completions of the sends are
/// counted as acknowledgements or errors.
/// </summary>
public sealed class DeliveryRecorder : IHubFrameHandler
{
    private static ReadOnlySpan<byte> ChatEvent => "{\"type\":1,\"target\":\"chatEvent\""u8;
    private static ReadOnlySpan<byte> Completion => "{\"type\":3,"u8;
    private static ReadOnlySpan<byte> Close => "{\"type\":7"u8;
    private static ReadOnlySpan<byte> BenchText => "\"text\":\"b:"u8;
    private static ReadOnlySpan<byte> Error => "\"error\":\""u8;
    private RunRecord? current;
    private long disconnects;
    private string? firstProblem;

    public long Disconnects => Interlocked.Read(ref disconnects);

    public string? FirstProblem => firstProblem;

    /// <summary>Starts recording a new run; deliveries of earlier runs that arrive late are ignored.</summary>
    public RunRecord Start(int run, int messages, int receiversPerMessage, int measuredFrom)
    {
        var record = new RunRecord(run, messages, receiversPerMessage, measuredFrom);
        Volatile.Write(ref current, record);
        return record;
    }

    public void OnFrame(LeanHubConnection connection, ReadOnlySpan<byte> frame, long at)
    {
        var record = Volatile.Read(ref current);
        if (record is null)
        {
            return;
        }

        if (frame.StartsWith(ChatEvent))
        {
            var text = frame.IndexOf(BenchText);
            if (text >= 0 && Parse(frame[(text + BenchText.Length)..]) is { } m && m.Run == record.Run)
            {
                record.Received(m.Message, m.Sender == connection.Index, at - m.SentAt);
            }
        }
        else if (frame.StartsWith(Completion))
        {
            if (frame.IndexOf(Error) >= 0)
            {
                record.CountFailure();
                Interlocked.CompareExchange(ref firstProblem, System.Text.Encoding.UTF8.GetString(frame), null);
            }
            else
            {
                // The acknowledgement carries the stored message, text included: how long the commit took to come back.
                var text = frame.IndexOf(BenchText);
                record.CountAck(text >= 0 && Parse(frame[(text + BenchText.Length)..]) is { } m && m.Run == record.Run && m.Message >= record.MeasuredFrom ? at - m.SentAt : null);
            }
        }
        else if (frame.StartsWith(Close))
        {
            Interlocked.CompareExchange(ref firstProblem, System.Text.Encoding.UTF8.GetString(frame), null);
        }
    }

    public void OnClosed(LeanHubConnection connection, Exception? error)
    {
        Interlocked.Increment(ref disconnects);
        Interlocked.CompareExchange(ref firstProblem, $"member {connection.Index} disconnected: {error?.Message ?? "closed by the server"}", null);
    }

    private static (int Run, int Message, int Sender, long SentAt)? Parse(ReadOnlySpan<byte> s)
    {
        if (!Utf8Parser.TryParse(s, out int run, out var used) || s[used] != '.')
        {
            return null;
        }

        s = s[(used + 1)..];
        if (!Utf8Parser.TryParse(s, out int message, out used) || s[used] != '.')
        {
            return null;
        }

        s = s[(used + 1)..];
        if (!Utf8Parser.TryParse(s, out int sender, out used) || s[used] != '.')
        {
            return null;
        }

        s = s[(used + 1)..];
        return Utf8Parser.TryParse(s, out long sentAt, out _) ? (run, message, sender, sentAt) : null;
    }

    /// <summary>The text of a bench message: what <see cref="Parse"/> reads back.</summary>
    public static string Text(int run, int message, int sender, long sentAt) => $"b:{run}.{message}.{sender}.{sentAt}";
}
