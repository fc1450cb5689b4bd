namespace Sferum.Local.AutoFailover;

/// <summary>
/// pg_auto_failover monitor settings (milliseconds) that bring the failover window from ≈ 50 s down to ≈ 10 s on
/// these machines (../shared/notes/postgres-ha.md). docs/deploy.md gives the same values to operators.
/// </summary>
public static class AutoFailoverTuning
{
    public static readonly IReadOnlyList<(string Name, int Milliseconds)> Monitor =
    [
        ("health_check_period", 1000),
        ("health_check_timeout", 1000),
        ("health_check_max_retries", 1),
        ("health_check_retry_delay", 500),
        // Defaults 20 s and 30 s: the two that set most of the window.
        ("node_considered_unhealthy_timeout", 3000),
        ("primary_demote_timeout", 5000),
    ];
}
