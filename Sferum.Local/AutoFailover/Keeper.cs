using System.Diagnostics;

namespace Sferum.Local.AutoFailover;

/// <summary>
/// One <c>pg_autoctl run</c>: the keeper of a node (or the monitor), which starts and supervises its PostgreSQL. Its
/// output goes to <c>keeper.log</c> in the node's folder.
/// </summary>
internal sealed class Keeper
{
    private readonly Process process;

    private Keeper(Process process) => this.process = process;

    public static Keeper Start(AutoFailoverEnvironment environment, string dataDirectory)
    {
        var log = Path.Combine(environment.Root, $"{Path.GetFileName(dataDirectory)}.log");
        // sh only redirects the output to the log; exec leaves the keeper as runuser's child.
        var command = string.Join(' ', environment.Wrap("pg_autoctl", ["run", "--pgdata", dataDirectory]).Prepend(AutoFailoverEnvironment.Launcher)
            .Select(Quote));
        var startInfo = new ProcessStartInfo("sh") { UseShellExecute = false };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add($"exec {command} >> {Quote(log)} 2>&1");
        return new Keeper(Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start pg_autoctl run."));
    }

    /// <summary>
    /// SIGKILL to the keeper and every process under it: its supervisor, the postmaster and all backends die at the
    /// same moment, as when a machine loses power. Nothing is flushed, no standby is told.
    /// </summary>
    public async Task CrashAsync()
    {
        Kill();
        await process.WaitForExitAsync();
    }

    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>After <c>pg_autoctl stop</c>: waits for the keeper to exit, and crashes it if it does not.</summary>
    public async Task WaitOrCrashAsync(TimeSpan grace)
    {
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await CrashAsync();
        }
    }

    private static string Quote(string value) => $"'{value.Replace("'", "'\\''")}'";
}
