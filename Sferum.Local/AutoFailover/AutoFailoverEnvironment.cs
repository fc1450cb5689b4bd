namespace Sferum.Local.AutoFailover;

/// <summary>
/// Where pg_auto_failover runs and as whom: its programs run as the unprivileged <c>postgres</c> account when we are root
/// (initdb refuses root), with a clean environment whose HOME and XDG folders are the test's own (pg_autoctl keeps its
/// configuration, state and pid files there, not in the account's home).
/// </summary>
internal sealed class AutoFailoverEnvironment
{
    private readonly string binDirectory;

    private AutoFailoverEnvironment(string root, string binDirectory)
    {
        Root = root;
        this.binDirectory = binDirectory;
    }

    public string Root { get; }

    private string SocketDirectory => Path.Combine(Root, "run");

    public static AutoFailoverEnvironment Create(string root)
    {
        if (!File.Exists("/usr/bin/pg_autoctl"))
        {
            throw new InvalidOperationException(
                "pg_auto_failover is not installed (Debian: apt-get install -y postgresql-15-auto-failover).");
        }

        Directory.CreateDirectory(root);
        foreach (var folder in new[] { "run", "xdg/config", "xdg/data", "xdg/run" })
        {
            Directory.CreateDirectory(Path.Combine(root, folder));
        }

        if (ServerAccount.IsRoot)
        {
            ServerAccount.Chown(root);
        }

        return new AutoFailoverEnvironment(root, PostgresBinaries.FindBinDirectory(null));
    }

    /// <summary>
    /// initdb with the settings pg_autoctl must find already there: our socket folder and 127.0.0.1 only (else its
    /// create loops on "Failed to create user autoctl"), enough connections for a cluster, and a modest WAL reserve
    /// (pg_autoctl sizes wal_keep_size for a big host).
    /// </summary>
    public async Task InitializeDataAsync(string dataDirectory)
    {
        await RunCheckedAsync("initdb", ["-D", dataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
        await File.AppendAllLinesAsync(Path.Combine(dataDirectory, "postgresql.auto.conf"), [
            $"unix_socket_directories = '{SocketDirectory}'",
            "listen_addresses = '127.0.0.1'",
            "max_connections = 400",
            "wal_keep_size = '512MB'",
        ]);
    }

    public Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments) =>
        ProcessRunner.RunAsync(Launcher, Wrap(program, arguments), CancellationToken.None);

    public Task<string> RunCheckedAsync(string program, IEnumerable<string> arguments) =>
        ProcessRunner.RunCheckedAsync(Launcher, Wrap(program, arguments), CancellationToken.None);

    /// <summary>The command line that runs <paramref name="program"/> as the server account in our environment.</summary>
    public IEnumerable<string> Wrap(string program, IEnumerable<string> arguments)
    {
        var prefix = new List<string>();
        if (ServerAccount.IsRoot)
        {
            prefix.AddRange(["-u", ServerAccount.Name, "--", "env"]);
        }

        prefix.AddRange([
            "-i", $"HOME={Root}", $"PATH={binDirectory}:/usr/bin:/bin", $"PGHOST={SocketDirectory}",
            $"XDG_CONFIG_HOME={Path.Combine(Root, "xdg/config")}", $"XDG_DATA_HOME={Path.Combine(Root, "xdg/data")}",
            $"XDG_RUNTIME_DIR={Path.Combine(Root, "xdg/run")}",
            program,
        ]);
        return prefix.Concat(arguments);
    }

    /// <summary>runuser (as root) or env: the program <see cref="Wrap"/>'s arguments are for.</summary>
    public static string Launcher => ServerAccount.IsRoot ? "runuser" : "env";
}
