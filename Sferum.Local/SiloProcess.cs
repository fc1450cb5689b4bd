namespace Sferum.Local;

/// <summary>Starts a built Sferum.Silo as a child process with the given database, cluster and ports.</summary>
public static class SiloProcess
{
    /// <param name="buildDirectory">
    /// A folder holding another build of Sferum.Silo (its dll and appsettings.json), as a deployment's new release;
    /// null: the solution's own build.
    /// </param>
    public static ServiceProcess Start(
        SolutionLayout layout, string connectionString, string clusterId, int siloPort, int gatewayPort,
        IEnumerable<string>? extraArguments = null, Action<string>? echo = null, string? buildDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var args = new List<string>
        {
            $"--Orleans:ClusterId={clusterId}",
            $"--Orleans:SiloPort={siloPort}",
            $"--Orleans:GatewayPort={gatewayPort}",
        };
        args.AddRange(extraArguments ?? []);
        var dll = buildDirectory is null ? layout.BuiltDll("Sferum.Silo") : Path.Combine(buildDirectory, "Sferum.Silo.dll");
        return ServiceProcess.Start($"silo:{siloPort}", dll, buildDirectory ?? layout.ProjectDirectory("Sferum.Silo"), args,
            ChildEnvironment.With(environment, ("ConnectionStrings__Sferum", connectionString), ("DOTNET_ENVIRONMENT", "Development")), echo);
    }
}
