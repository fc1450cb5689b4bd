using System.Diagnostics;

namespace Sferum.Bench.Chat;

/// <summary>
/// CPU time of the processes under test, read from <c>/proc/&lt;pid&gt;/stat</c> (user + system, in clock ticks of
/// 1/100 s), the way the peer's harness reads it: a whole PostgreSQL server is its postmaster plus every child.
/// </summary>
public sealed class ProcessCpu(IReadOnlyDictionary<string, int> roots, IReadOnlySet<string> withChildren)
{
    private const double TicksPerSecond = 100;

    /// <summary>CPU seconds so far per named process (group), and when they were read.</summary>
    public (Dictionary<string, double> Seconds, long At) Sample()
    {
        var children = withChildren.Count > 0 ? ChildrenByParent() : [];
        var seconds = new Dictionary<string, double>();
        foreach (var (name, pid) in roots)
        {
            var ticks = Ticks(pid);
            if (withChildren.Contains(name))
            {
                // Live children now, plus what children that have ended used (the kernel adds it to the parent's
                // cutime/cstime when it reaps them): an autovacuum worker that ends mid-window is not lost.
                ticks += (children.GetValueOrDefault(pid)?.Sum(child => Ticks(child)) ?? 0) + Ticks(pid, reapedChildren: true);
            }

            seconds[name] = ticks / TicksPerSecond;
        }

        return (seconds, Stopwatch.GetTimestamp());
    }

    /// <summary>Per group, CPU used between two samples as a percentage of one core (the machine has 100 per core).</summary>
    public static Dictionary<string, double> Percent((Dictionary<string, double> Seconds, long At) from, (Dictionary<string, double> Seconds, long At) to)
    {
        var wall = (to.At - from.At) / (double)Stopwatch.Frequency;
        return to.Seconds.ToDictionary(kv => kv.Key, kv => Math.Round((kv.Value - from.Seconds.GetValueOrDefault(kv.Key)) / wall * 100, 1));
    }

    /// <summary>Resident memory of a process, in bytes.</summary>
    public static long Rss(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    private static long Ticks(int pid, bool reapedChildren = false)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) may hold spaces; fields after its closing parenthesis are plain.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return reapedChildren ? long.Parse(fields[13]) + long.Parse(fields[14]) : long.Parse(fields[11]) + long.Parse(fields[12]);
        }
        catch (IOException)
        {
            // A backend that ended between listing and reading: its time went with it, as in the peer's harness.
            return 0;
        }
    }

    private static Dictionary<int, List<int>> ChildrenByParent()
    {
        var map = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
                (map.TryGetValue(parent, out var list) ? list : map[parent] = []).Add(pid);
            }
            catch (IOException)
            {
                // Gone while listing.
            }
        }

        return map;
    }
}
