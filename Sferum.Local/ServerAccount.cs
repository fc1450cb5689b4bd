using System.Diagnostics;

namespace Sferum.Local;

/// <summary>The unprivileged account that runs PostgreSQL when we are root (initdb refuses root).</summary>
internal static class ServerAccount
{
    public const string Name = "postgres";

    public static bool IsRoot => Environment.UserName == "root";

    public static void Chown(string path)
    {
        EnsureExists();
        Run("chown", "-R", $"{Name}:", path);
    }

    private static void EnsureExists()
    {
        if (Run("id", "-u", Name) != 0)
        {
            Run("useradd", "--system", "--no-create-home", Name);
        }
    }

    private static int Run(string file, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
