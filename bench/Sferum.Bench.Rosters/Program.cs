using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sferum;
using Sferum.Bench;
using Sferum.Bench.Rosters;
using Sferum.Database;
using Sferum.Local;
using Sferum.Rosters;
using Sferum.Rosters.Reading;
using Sferum.Schools;
using Sferum.Silo.Hosting;

// Imports a generated school (default 10,000 students) through the import grain — the code path of the portal and
// the push API — on a private PostgreSQL, and prints seconds and rows/s for each step.
// Usage: dotnet run -c Release --project bench/Sferum.Bench.Rosters -- [--students N] [--format journal-utf8|journal-cp1251|oneroster.zip] [--connection-string CS]
var options = BenchOptions.Parse(args);
using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
var work = Path.Combine(Path.GetTempPath(), $"sferum-bench-{Guid.NewGuid():N}");
Directory.CreateDirectory(work);
try
{
    var files = SchoolGenerator.Generate(work, options.Students, options.Format);

    await using var postgres = options.ConnectionString is null
        ? await LocalPostgres.StartAsync(new LocalPostgresOptions { RootDirectory = Path.Combine(work, "pg"), Port = FreePorts.Next() }, loggerFactory.CreateLogger("pg"))
        : null;
    var connectionString = options.ConnectionString ?? postgres!.ConnectionString;
    await SchemaMigrator.ApplyAsync(connectionString, loggerFactory.CreateLogger("migrations"));

    var builder = Host.CreateApplicationBuilder();
    builder.Configuration["ConnectionStrings:Sferum"] = connectionString;
    builder.Logging.ClearProviders();
    builder.Services.AddSferumGrains(builder.Configuration);
    builder.UseOrleans(silo => silo.UseLocalhostClustering(FreePorts.Next(), FreePorts.Next()).UseSferumPersistence(connectionString));
    using var host = builder.Build();
    await host.StartAsync();
    var grains = host.Services.GetRequiredService<IGrainFactory>();

    var schoolId = Guid.NewGuid();
    await grains.GetGrain<ISchoolDirectoryGrain>(0).EnsureSeededSchoolAsync(schoolId, new SchoolDraft("Бенчмарк", "г. Москва", "Europe/Moscow"));
    await grains.GetGrain<ISchoolGrain>(schoolId).SeedAccessAsync("", new Sferum.Identity.PersonName("-", "-", null), "bench");
    var imports = grains.GetGrain<IRosterImportGrain>(schoolId);
    var requester = ImportRequester.Journal("bench");
    var uploads = files.Select(f => new ImportFile(f.Name, f.Content)).ToList();

    var parse = Stopwatch.StartNew();
    var read = RosterReader.Read(files.Select(f => new RosterUpload(f.Name, f.Content)).ToList(), new RosterReaderOptions());
    parse.Stop();
    var rows = read.Files.Sum(f => f.DataRows);
    Console.WriteLine($"School: {options.Students} students, format {options.Format}, {read.Files.Count} tables, {rows} data rows, {files.Sum(f => f.Content.Length) / 1024} KB");
    Report("parse + validate (reader alone)", parse.Elapsed, rows);
    if (read.HasErrors)
    {
        throw new InvalidOperationException("The generated school has errors: " + read.Problems.First(p => p.Severity == ProblemSeverity.Error).Message);
    }

    var total = Stopwatch.StartNew();
    var preview = await Timed("preview (read, validate, compare, store report)", () => imports.PreviewAsync(requester, uploads), rows);
    var applied = await Timed("apply (all-or-nothing transaction, classes refreshed)", () => imports.ApplyAsync(requester, preview.ImportId), rows);
    total.Stop();
    Report("whole first import (preview + apply)", total.Elapsed, rows);
    var again = await Timed("no-change re-import (preview)", () => imports.PreviewAsync(requester, uploads), rows);

    Console.WriteLine($"Statuses: {preview.Status} → {applied.Status}; re-import {again.Status}. People added {preview.Changes.People.Added}, links {preview.Changes.Guardianships.Added}.");
    if (applied.Status != ImportStatus.Applied || again.Status != ImportStatus.Unchanged)
    {
        Console.WriteLine("FAILED: unexpected statuses");
        return 1;
    }

    await host.StopAsync();
    return 0;
}
finally
{
    Directory.Delete(work, recursive: true);
}

static async Task<ImportReport> Timed(string step, Func<Task<ImportReport>> action, int rows)
{
    var watch = Stopwatch.StartNew();
    var report = await action();
    Report(step, watch.Elapsed, rows);
    return report;
}

static void Report(string step, TimeSpan elapsed, int rows) =>
    Console.WriteLine($"{step,-55} {elapsed.TotalSeconds,7:0.000} s  {rows / elapsed.TotalSeconds,10:0} rows/s");
