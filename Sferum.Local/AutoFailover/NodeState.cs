namespace Sferum.Local.AutoFailover;

/// <summary>One data node as the pg_auto_failover monitor sees it.</summary>
/// <param name="Reported">The state the node's keeper last reported (primary, secondary, wait_primary, single, …).</param>
/// <param name="Assigned">The state the monitor wants it in.</param>
public sealed record NodeState(string Name, int Port, string Reported, string Assigned, bool Healthy)
{
    public override string ToString() => $"{Name}:{Reported}→{Assigned}{(Healthy ? "" : " (unhealthy)")}";
}
