namespace Sferum.Local;

/// <summary>Starts a built Sferum.Web as a child process, signed in through the given OIDC provider.</summary>
public static class WebProcess
{
    /// <summary>The DevIdentity client the portal is registered as.</summary>
    public const string ClientId = "sferum-web";
    public const string ClientSecret = "sferum-web-dev-secret";

    public static ServiceProcess Start(
        SolutionLayout layout, string connectionString, string clusterId, int port, string identityUrl,
        IEnumerable<string>? extraArguments = null, Action<string>? echo = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var args = new List<string>
        {
            $"--urls=http://127.0.0.1:{port}",
            $"--Orleans:ClusterId={clusterId}",
            $"--Oidc:Authority={identityUrl}",
            $"--Oidc:ClientId={ClientId}",
            $"--Oidc:ClientSecret={ClientSecret}",
            "--Oidc:RequireHttpsMetadata=false",
            // Serve the compressed files the build made, as a published portal does. Left on, ASP.NET Core's
            // development patching compares each file's time with the manifest's (kept to the second), always finds it
            // changed, and sends every script gzip-wrapped but uncompressed. Edit wwwroot, then build again.
            "--ReloadStaticAssetsAtRuntime=false",
        };
        args.AddRange(extraArguments ?? []);
        return ServiceProcess.Start($"web:{port}", layout.BuiltDll("Sferum.Web"), layout.ProjectDirectory("Sferum.Web"), args,
            ChildEnvironment.With(environment, ("ConnectionStrings__Sferum", connectionString), ("ASPNETCORE_ENVIRONMENT", "Development")), echo);
    }
}
