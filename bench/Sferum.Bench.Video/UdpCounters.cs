using System.Globalization;

namespace Sferum.Bench.Video;

/// <summary>
/// The kernel's UDP counters of this network namespace (/proc/net/snmp): a datagram dropped because a socket's
/// receive buffer was full (RcvbufErrors) is the receiver falling behind, not Janus — the two are told apart by it.
/// </summary>
public static class UdpCounters
{
    public static long ReceiveBufferErrors()
    {
        var lines = File.ReadAllLines("/proc/net/snmp").Where(l => l.StartsWith("Udp:", StringComparison.Ordinal)).ToArray();
        var names = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var values = lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return long.Parse(values[Array.IndexOf(names, "RcvbufErrors")], CultureInfo.InvariantCulture);
    }
}
