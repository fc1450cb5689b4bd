namespace Sferum.Local;

/// <summary>Starts a built Sferum.Silo as a child process with the given database, cluster and ports.</summary>
public static class SiloProcess
{
    public static ServiceProcess Start(
        SolutionLayout layout, string connectionString, string clusterId, int siloPort, int gatewayPort,
        IEnumerable<string>? extraArguments = null, Action<string>? echo = null)
    {
        var args = new List<string>
        {
            $"--Orleans:ClusterId={clusterId}",
            $"--Orleans:SiloPort={siloPort}",
            $"--Orleans:GatewayPort={gatewayPort}",
        };
        args.AddRange(extraArguments ?? []);
        return ServiceProcess.Start($"silo:{siloPort}", layout.BuiltDll("Sferum.Silo"), layout.ProjectDirectory("Sferum.Silo"), args,
            new Dictionary<string, string> { ["ConnectionStrings__Sferum"] = connectionString, ["DOTNET_ENVIRONMENT"] = "Development" },
            echo);
    }
}
