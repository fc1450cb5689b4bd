using System.Reflection;

namespace Sferum.Telemetry;

/// <summary>The running build: the product version and the commit it was built from ("1.0.0+abc1234…").</summary>
public static class BuildVersion
{
    public static string Current { get; } =
        Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
