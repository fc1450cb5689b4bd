using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Sferum;
using Sferum.Bench;
using Sferum.Bench.Region;
using Sferum.Chats;
using Sferum.Database;
using Sferum.Local;
using Sferum.Silo.Hosting;

// A demo region on a private PostgreSQL (fsync and synchronous commit on): SCHOOLS schools (100) of STUDENTS students
// (600, with their parents and staff) imported through the journal path, MESSAGES messages (500) in each class and
// parents' chat, FILES stored files (20 of 200 KB) per school. Then Sferum.Backup takes a backup and restores it into an
// empty database and file folder, and the times are printed (docs/operations.md). Knobs as environment variables or
// --name value; OUT writes the figures as JSON.
//   dotnet build -c Release Sferum.sln && dotnet bench/Sferum.Bench.Region/bin/Release/net10.0/Sferum.Bench.Region.dll --out restore.json
var knobs = Knobs.Read(["SCHOOLS", "STUDENTS", "MESSAGES", "FILES", "OUT"], args);
int Knob(string name, int fallback) => knobs.TryGetValue(name, out var v) ? int.Parse(v) : fallback;
var (schools, students, messagesPerChat, filesPerSchool) = (Knob("SCHOOLS", 100), Knob("STUDENTS", 600), Knob("MESSAGES", 500), Knob("FILES", 20));

using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
// Not CreateTempSubdirectory: its folder is private to root, and PostgreSQL runs as its own account.
var work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"sferum-region-{Guid.NewGuid():N}"));
try
{
    await using var postgres = await LocalPostgres.StartAsync(
        new LocalPostgresOptions { RootDirectory = Path.Combine(work.FullName, "pg"), Port = FreePorts.Next(), Database = "region" }, loggerFactory.CreateLogger("pg"));
    await SchemaMigrator.ApplyAsync(postgres.ConnectionString, loggerFactory.CreateLogger("migrations"));
    var filesFolder = Path.Combine(work.FullName, "files");

    var builder = Host.CreateApplicationBuilder();
    builder.Configuration["ConnectionStrings:Sferum"] = postgres.ConnectionString;
    builder.Logging.ClearProviders();
    builder.Services.AddSferumGrains(builder.Configuration);
    builder.UseOrleans(silo => silo.UseLocalhostClustering(FreePorts.Next(), FreePorts.Next()).UseSferumPersistence(postgres.ConnectionString));
    var built = Stopwatch.StartNew();
    long people = 0, chats = 0, messages = 0;
    using (var host = builder.Build())
    {
        await host.StartAsync();
        var region = new RegionBuilder(host.Services.GetRequiredService<IGrainFactory>(), host.Services.GetRequiredService<ChatStore>(),
            host.Services.GetRequiredService<NpgsqlDataSource>(), filesFolder, work.FullName);
        for (var school = 1; school <= schools; school++)
        {
            var (p, c, m) = await region.AddSchoolAsync(school, students, messagesPerChat, filesPerSchool);
            (people, chats, messages) = (people + p, chats + c, messages + m);
            if (school % 10 == 0 || school == schools)
            {
                Console.WriteLine($"[region] {school}/{schools} schools: {people:N0} people, {chats:N0} chats, {messages:N0} messages ({built.Elapsed.TotalSeconds:F0} s)");
            }
        }

        await host.StopAsync();
    }

    var databaseBytes = await ScalarAsync<long>(postgres.ConnectionString, "SELECT pg_database_size(current_database())");
    var archive = Path.Combine(work.FullName, "region.tar.gz");
    var backup = await BackupToolAsync("backup", postgres.ConnectionString, filesFolder, "--out", archive);
    var restored = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = "restored" }.ConnectionString;
    await ScalarAsync<int>(postgres.ConnectionString, "CREATE DATABASE restored; SELECT 1");
    var restore = await BackupToolAsync("restore", restored, Path.Combine(work.FullName, "restored-files"), "--from", archive);
    var restoredMessages = await ScalarAsync<long>(restored, "SELECT count(*) FROM chat_events");

    var figures = new
    {
        machine = $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024 / 1024 / 1024} GiB",
        schools, students_per_school = students, people, chats, messages, files = schools * filesPerSchool,
        build_seconds = Math.Round(built.Elapsed.TotalSeconds, 1),
        database_mb = Math.Round(databaseBytes / 1048576.0, 1),
        archive_mb = Math.Round(new FileInfo(archive).Length / 1048576.0, 1),
        backup_seconds = Math.Round(backup.TotalSeconds, 1),
        restore_seconds = Math.Round(restore.TotalSeconds, 1),
        restored_messages = restoredMessages,
    };
    Console.WriteLine(JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true }));
    if (knobs.TryGetValue("OUT", out var output))
    {
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true }));
    }

    return restoredMessages == messages ? 0 : 1;
}
finally
{
    work.Delete(recursive: true);
}

static async Task<T> ScalarAsync<T>(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    return (T)(await command.ExecuteScalarAsync())!;
}

// The backup tool as an operator runs it: its own process, its output shown.
static async Task<TimeSpan> BackupToolAsync(string verb, string connectionString, string files, string archiveOption, string archive)
{
    var start = new ProcessStartInfo("dotnet", [SolutionLayout.Locate().BuiltDll("Sferum.Backup"), verb, "--connection-string", connectionString,
        "--files", files, archiveOption, archive]);
    var watch = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    await process.WaitForExitAsync();
    return process.ExitCode == 0 ? watch.Elapsed : throw new InvalidOperationException($"Sferum.Backup {verb} exited with {process.ExitCode}.");
}
