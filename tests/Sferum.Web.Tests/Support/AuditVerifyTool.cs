using System.Diagnostics;
using Sferum.Local;

namespace Sferum.Web.Tests.Support;

/// <summary>Runs <c>Sferum.Silo audit verify</c> as an operator would, against a database.</summary>
public static class AuditVerifyTool
{
    public static async Task<(int ExitCode, string Output)> RunAsync(SolutionLayout layout, string connectionString)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { layout.BuiltDll("Sferum.Silo"), "audit", "verify", "--connection-string", connectionString })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await errors);
    }
}
