namespace Sferum.Bench.Chat;

/// <summary>Percentiles taken the way the peer's harness takes them (nearest rank), rounded to hundredths of a ms.</summary>
public static class Percentiles
{
    public static double? Of(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var i = Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Round(q / 100.0 * sorted.Count + 0.5, MidpointRounding.ToEven) - 1));
        return Math.Round(sorted[i], 2);
    }

    public static LatencyFigures Figures(IReadOnlyList<double> sorted) =>
        new(Of(sorted, 50), Of(sorted, 95), Of(sorted, 99), sorted.Count > 0 ? Math.Round(sorted[^1], 2) : null);
}

/// <summary>p50/p95/p99/max in milliseconds (null when nothing was delivered).</summary>
public sealed record LatencyFigures(double? P50, double? P95, double? P99, double? Max);
