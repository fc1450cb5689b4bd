using System.Diagnostics;

namespace Sferum.Backup;

/// <summary>Runs pg_dump / pg_restore from the machine's PostgreSQL programs with a libpq environment.</summary>
internal static class PgTool
{
    public static async Task RunAsync(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var path = Path.Combine(Sferum.Local.PostgresBinaries.FindBinDirectory(null), program);
        var start = new ProcessStartInfo(path) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new BackupException($"{program} failed ({process.ExitCode}): {(await errors).Trim()} {(await output).Trim()}".Trim());
        }
    }
}
