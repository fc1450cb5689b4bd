namespace Sferum.Local;

/// <summary>Finds the machine's PostgreSQL server programs (initdb, pg_ctl).</summary>
public static class PostgresBinaries
{
    public static string FindBinDirectory(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(Path.Combine(configured, "initdb"))
                ? configured
                : throw new InvalidOperationException($"No initdb in the configured PostgreSQL bin folder '{configured}'.");
        }

        // Debian's wrappers on PATH are fine, but the versioned folder holds the real programs.
        var versioned = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        if (versioned is not null)
        {
            return versioned;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        return onPath ?? throw new InvalidOperationException(
            "PostgreSQL server programs (initdb, pg_ctl) were not found. Install them (Debian: apt-get install -y postgresql) " +
            "or give a connection string to an existing server.");
    }
}
