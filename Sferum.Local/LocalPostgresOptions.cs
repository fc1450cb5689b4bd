namespace Sferum.Local;

/// <summary>Where and how to run a private PostgreSQL cluster (the run command's embedded default, and the tests').</summary>
public sealed class LocalPostgresOptions
{
    /// <summary>Folder that holds the cluster: <c>data/</c>, <c>run/</c> (socket, log) and the generated password.</summary>
    public required string RootDirectory { get; init; }

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    public string Database { get; init; } = "sferum";

    /// <summary>Folder with initdb/pg_ctl; null looks on PATH, then in /usr/lib/postgresql/*/bin.</summary>
    public string? BinDirectory { get; init; }

    /// <summary>More server settings (<c>name=value</c>, passed as <c>-c</c>), e.g. the benchmark's shared_buffers.</summary>
    public IReadOnlyList<string> Settings { get; init; } = [];
}
