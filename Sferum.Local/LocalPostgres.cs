using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Npgsql;
using Sferum.Database;

namespace Sferum.Local;

/// <summary>
/// A private PostgreSQL cluster in a folder of our own: created with initdb on first use, started with pg_ctl on
/// 127.0.0.1 only, password-protected (SCRAM) with a generated password kept beside it. initdb refuses root, so
/// as root the server runs as the unprivileged <c>postgres</c> account.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private const string Superuser = "postgres";
    private readonly LocalPostgresOptions options;
    private readonly string binDirectory;
    private readonly ILogger logger;
    private bool running;

    private LocalPostgres(LocalPostgresOptions options, string binDirectory, int port, string password, ILogger logger)
    {
        this.options = options;
        this.binDirectory = binDirectory;
        this.logger = logger;
        Port = port;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = Superuser,
            Password = password,
            Database = options.Database,
        }.ConnectionString;
    }

    public int Port { get; }

    /// <summary>Connection string of the application database (created if missing).</summary>
    public string ConnectionString { get; }

    private string DataDirectory => Path.Combine(options.RootDirectory, "data");

    /// <summary>The postmaster's process id (its first line of postmaster.pid), for measuring the server's CPU.</summary>
    public int ServerPid => int.Parse(File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).First());

    private string RunDirectory => Path.Combine(options.RootDirectory, "run");

    private string PasswordFile => Path.Combine(options.RootDirectory, "password");

    public static async Task<LocalPostgres> StartAsync(LocalPostgresOptions options, ILogger logger, CancellationToken cancellationToken = default)
    {
        var bin = PostgresBinaries.FindBinDirectory(options.BinDirectory);
        Directory.CreateDirectory(options.RootDirectory);
        var port = options.Port == 0 ? FreePorts.Next() : options.Port;
        var password = await EnsurePasswordAsync(Path.Combine(options.RootDirectory, "password"), cancellationToken);
        var cluster = new LocalPostgres(options, bin, port, password, logger);
        await cluster.InitializeAsync(password, cancellationToken);
        await cluster.StartServerAsync(cancellationToken);
        await cluster.EnsureDatabaseAsync(cancellationToken);
        return cluster;
    }

    public async Task StopAsync()
    {
        if (!running)
        {
            return;
        }

        running = false;
        await RunAsServerUserCheckedAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"], CancellationToken.None);
        logger.LogInformation("PostgreSQL on port {Port} stopped", Port);
    }

    /// <summary>Starts a stopped server again on the same port and data (fault tests stop and start it).</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        if (!running)
        {
            await StartServerAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task InitializeAsync(string password, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(RunDirectory);
        GiveToServerUser(RunDirectory);
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            return;
        }

        Directory.CreateDirectory(DataDirectory);
        GiveToServerUser(DataDirectory);
        var passwordFile = Path.Combine(RunDirectory, "initdb-password");
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        GiveToServerUser(passwordFile);
        try
        {
            await RunAsServerUserCheckedAsync("initdb", [
                "-D", DataDirectory, "-U", Superuser, "--pwfile", passwordFile,
                "--auth-host=scram-sha-256", "--auth-local=scram-sha-256",
                "-E", "UTF8", "--locale=C.UTF-8",
            ], cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }

        logger.LogInformation("Created a private PostgreSQL cluster in {Directory}", DataDirectory);
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        // A cluster left running by a killed launcher would hold the data folder: stop it first.
        var (status, _) = await RunAsServerUserAsync("pg_ctl", ["-D", DataDirectory, "status"], cancellationToken);
        if (status == 0)
        {
            logger.LogWarning("PostgreSQL in {Directory} was still running; restarting it", DataDirectory);
            await RunAsServerUserCheckedAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"], cancellationToken);
        }

        // Each silo and web node keeps its own connection pools (Orleans storage, membership, grains, the portal): the
        // default of 100 connections is too few for a cluster and a load test on one server.
        var serverOptions = $"-k {RunDirectory} -c listen_addresses=127.0.0.1 -p {Port} -c max_connections=400"
            + string.Concat(options.Settings.Select(setting => $" -c {setting}"));
        var serverLog = Path.Combine(RunDirectory, "postgres.log");
        var (startStatus, output) = await RunAsServerUserAsync("pg_ctl", [
            "-D", DataDirectory, "-l", serverLog, "-w", "-t", "60", "-o", serverOptions, "start",
        ], cancellationToken);
        if (startStatus != 0)
        {
            // pg_ctl only says "Examine the log output": the reason (a port in use, shared memory) is in the server's log.
            throw new InvalidOperationException(
                $"PostgreSQL did not start on 127.0.0.1:{Port} (pg_ctl exited with {startStatus}): {output.Trim()}\n{LogTail(serverLog)}");
        }

        running = true;
        logger.LogInformation("PostgreSQL listening on 127.0.0.1:{Port}", Port);
    }

    private async Task EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres" }.ConnectionString;
        await using var connection = await DatabaseConnections.OpenAsync(admin, cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", options.Database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            // Identifiers cannot be parameters; the name comes from our own configuration and is quoted.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{options.Database.Replace("\"", "\"\"")}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task<string> EnsurePasswordAsync(string path, CancellationToken cancellationToken)
    {
        if (File.Exists(path))
        {
            return (await File.ReadAllTextAsync(path, cancellationToken)).Trim();
        }

        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        await File.WriteAllTextAsync(path, password, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return password;
    }

    private Task<(int, string)> RunAsServerUserAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var (file, args) = ServerUserCommand(program, arguments);
        return ProcessRunner.RunAsync(file, args, cancellationToken);
    }

    private Task<string> RunAsServerUserCheckedAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var (file, args) = ServerUserCommand(program, arguments);
        return ProcessRunner.RunCheckedAsync(file, args, cancellationToken);
    }

    private (string File, IEnumerable<string> Arguments) ServerUserCommand(string program, IEnumerable<string> arguments)
    {
        var path = Path.Combine(binDirectory, program);
        return ServerAccount.IsRoot
            ? ("runuser", new[] { "-u", ServerAccount.Name, "--", path }.Concat(arguments))
            : (path, arguments);
    }

    private static string LogTail(string path, int lines = 15)
    {
        try
        {
            return File.Exists(path)
                ? $"Last lines of {path}:\n" + string.Join('\n', File.ReadLines(path).TakeLast(lines))
                : $"{path} was not written.";
        }
        catch (IOException exception)
        {
            return $"{path} could not be read: {exception.Message}";
        }
    }

    private static void GiveToServerUser(string path)
    {
        if (ServerAccount.IsRoot)
        {
            ServerAccount.Chown(path);
        }
    }
}
