namespace Sferum.Telemetry;

/// <summary>
/// What Orleans reports under (Orleans.Diagnostics.ActivitySources; its meter): grain calls of application code, of the
/// runtime itself, and the runtime's metrics. Named here so that no process needs the Orleans package to list them.
/// </summary>
public static class OrleansSources
{
    public const string Application = "Microsoft.Orleans.Application";

    public const string Runtime = "Microsoft.Orleans.Runtime";

    public const string Meter = "Microsoft.Orleans";
}
