using System.Diagnostics;

namespace Sferum.Bench;

/// <summary>Runs the team's generator (shared/tools/gen_rosters.py) and returns the files of one export format.</summary>
public static class SchoolGenerator
{
    public static List<(string Name, byte[] Content)> Generate(string directory, int students, string format, int seed = 7, string? school = null)
    {
        var tool = Locate();
        string[] arguments = [tool, directory, "--students", students.ToString(), "--seed", seed.ToString(), "--no-xlsx", .. school is null ? [] : new[] { "--school", school }];
        using var process = Process.Start(new ProcessStartInfo("python3", arguments)
        {
            RedirectStandardOutput = true,
        })!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"gen_rosters.py exited with {process.ExitCode}");
        }

        var path = Path.Combine(directory, format);
        return Directory.Exists(path)
            ? Directory.GetFiles(path).Order().Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToList()
            : [(Path.GetFileName(path), File.ReadAllBytes(path))];
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "tools", "gen_rosters.py");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("shared/tools/gen_rosters.py not found above the benchmark's folder.");
    }
}
