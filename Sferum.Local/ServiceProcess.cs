using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Sferum.Local;

/// <summary>
/// One Sferum service (silo, web, identity provider) running as a child process: its output is kept (last lines)
/// and echoed with a prefix; it can be stopped gracefully (SIGTERM), killed (SIGKILL), paused and resumed.
/// </summary>
public sealed partial class ServiceProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private const int SigStop = 19;
    private const int SigCont = 18;
    private const int KeptLines = 200;

    private readonly Process process;
    private readonly Queue<string> recentLines = new();
    private readonly Action<string>? echo;

    private ServiceProcess(string name, Process process, Action<string>? echo)
    {
        Name = name;
        this.process = process;
        this.echo = echo;
    }

    public string Name { get; }

    public int Pid => process.Id;

    public bool HasExited => process.HasExited;

    public int? ExitCode => process.HasExited ? process.ExitCode : null;

    /// <summary>The last lines the process wrote to stdout and stderr, for error messages.</summary>
    public string RecentOutput
    {
        get
        {
            lock (recentLines)
            {
                return string.Join('\n', recentLines);
            }
        }
    }

    /// <summary>Starts <c>dotnet &lt;dll&gt; args…</c> in <paramref name="workingDirectory"/> with extra environment variables.</summary>
    public static ServiceProcess Start(
        string name, string dll, string workingDirectory, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, Action<string>? echo = null)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{name}: '{dll}' is not built. Run 'dotnet build -c Release Sferum.sln' first.", dll);
        }

        return StartProgram(name, "dotnet", workingDirectory, arguments.Prepend(dll), environment, echo);
    }

    /// <summary>Starts any program (Janus, say) the same way: output kept and echoed, stopped with SIGTERM.</summary>
    public static ServiceProcess StartProgram(
        string name, string fileName, string workingDirectory, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, Action<string>? echo = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var service = new ServiceProcess(name, process, echo);
        process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>SIGTERM, then SIGKILL if it has not exited within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (process.HasExited)
        {
            return;
        }

        _ = SendSignal(process.Id, SigTerm);
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>SIGKILL: the process dies at once, as in a crash.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>SIGSTOP: the process freezes (a hung machine) until <see cref="Resume"/>.</summary>
    public void Pause() => _ = SendSignal(process.Id, SigStop);

    public void Resume() => _ = SendSignal(process.Id, SigCont);

    public Task WaitForExitAsync(CancellationToken cancellationToken = default) => process.WaitForExitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (recentLines)
        {
            recentLines.Enqueue(line);
            if (recentLines.Count > KeptLines)
            {
                recentLines.Dequeue();
            }
        }

        echo?.Invoke($"[{Name}] {line}");
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
