namespace Sferum.Bench.Chat;

public static class Percentiles
{
    public static string Describe(List<double> ms)
    {
        if (ms.Count == 0)
        {
            return "no samples";
        }

        ms.Sort();
        double P(double p) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(p / 100 * ms.Count) - 1)];
        return $"p50 {P(50):0.0} ms, p95 {P(95):0.0} ms, p99 {P(99):0.0} ms, max {ms[^1]:0.0} ms ({ms.Count} samples)";
    }
}
