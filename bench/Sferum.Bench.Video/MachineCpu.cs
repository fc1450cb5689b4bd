using System.Globalization;

namespace Sferum.Bench.Video;

/// <summary>
/// The whole machine's busy time from /proc/stat (every core, every process, the kernel's softirq work for the UDP
/// traffic included), to tell when the two cores, not Janus, are what runs out.
/// </summary>
public static class MachineCpu
{
    /// <summary>Busy seconds of all cores together (USER_HZ ticks of everything but idle and iowait).</summary>
    public static double BusySeconds()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return (fields.Take(8).Sum() - fields[3] - fields[4]) / 100.0;
    }
}
