using System.Globalization;

namespace Sferum.Bench.Video;

/// <summary>CPU time of processes from /proc (user + system), for "share of one core" over an interval.</summary>
public static class ProcessCpu
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static double Seconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>Every process whose command line names <paramref name="program"/> (e.g. all of Chromium's).</summary>
    public static double SecondsOf(string program) =>
        Directory.EnumerateDirectories("/proc").Select(d => Path.GetFileName(d)).Where(n => n.All(char.IsAsciiDigit))
            .Sum(pid =>
            {
                try
                {
                    return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0')[0].Contains(program) ? Seconds(int.Parse(pid, CultureInfo.InvariantCulture)) : 0;
                }
                catch (IOException)
                {
                    return 0;
                }
            });
}
