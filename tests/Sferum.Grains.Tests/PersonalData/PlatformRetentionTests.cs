using Microsoft.Extensions.Options;
using Npgsql;
using Sferum.Audit;
using Sferum.Files;
using Sferum.PersonalData;
using Sferum.Sessions;
using Sferum.Testing;

namespace Sferum.Grains.Tests.PersonalData;

/// <summary>
/// The platform's part of the nightly retention on real PostgreSQL and a real file folder: audit entries past their
/// period go and the chain still verifies, an expired export's archive goes, old ended sessions go, a stored file nothing refers to goes once
/// it is older than a day while a referenced one and a fresh one stay; a second run removes nothing.
/// </summary>
[Collection(GrainCollection.Name)]
public sealed class PlatformRetentionTests(GrainTestEnvironment env)
{
    [Fact]
    public async Task Old_audit_entries_expired_exports_and_unreferenced_files_go_once_and_the_chain_verifies()
    {
        var connectionString = await env.CreateMigratedDatabaseAsync();
        var folder = Path.Combine(Path.GetTempPath(), $"sferum-retention-{Guid.NewGuid():N}");
        await using var database = NpgsqlDataSource.Create(connectionString);
        try
        {
            var fileOptions = Options.Create(new FileStoreOptions { Folder = folder });
            var files = new LocalFileStore(fileOptions);
            var audit = new AuditLog(database);
            var store = new RetentionStore(database);
            var exports = new DataExportStore(database);
            var exportFolder = new ExportFolder(fileOptions);
            var applier = new RetentionApplier(store, exports, exportFolder, files, audit, Options.Create(new RetentionOptions()),
                Options.Create(new SessionOptions { LifetimeHours = 12 }), TimeProvider.System);

            // Audit: two entries four years old, one from today.
            await Sql.ExecuteAsync(connectionString, """
                INSERT INTO audit_log (at, action, summary, details) VALUES
                  (now() - interval '4 years 2 days', 'test.old', 'первая', '{}'), (now() - interval '4 years', 'test.old', 'вторая', '{}')
                """);
            await audit.WriteAsync(new AuditEntry(null, null, null, "test.new", "сегодняшняя"));

            // Files: one a material refers to, one nothing refers to (both two days old), one fresh and unreferenced.
            var referenced = await PutAsync(files, "материал");
            var orphan = await PutAsync(files, "осиротевший");
            var fresh = await PutAsync(files, "только что загружен");
            foreach (var hash in new[] { referenced, orphan })
            {
                File.SetLastWriteTimeUtc(Directory.GetFiles(folder, hash, SearchOption.AllDirectories).Single(), DateTime.UtcNow.AddDays(-2));
            }

            await Sql.ExecuteAsync(connectionString, """
                INSERT INTO class_materials (material_id, class_id, school_id, client_id, subject, title, lesson_date, file_hash, file_name, author_id, author_name)
                VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'c', 'Математика', 'Дроби', current_date, @hash, 'дроби.pdf', gen_random_uuid(), 'Учитель')
                """, ("hash", referenced));

            // Exports: one past its day with its archive still on disk, one ready and waiting.
            var expired = Guid.NewGuid();
            var waiting = Guid.NewGuid();
            var self = new ExportablePerson(Guid.NewGuid(), null, null, "Мои данные", true);
            await exports.InsertAsync(expired, Guid.NewGuid(), self, DateTimeOffset.UtcNow.AddHours(-1));
            await exports.InsertAsync(waiting, Guid.NewGuid(), self, DateTimeOffset.UtcNow.AddHours(20));
            await exports.MarkReadyAsync(waiting, 3, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(20));
            await File.WriteAllTextAsync(exportFolder.PathOf(expired), "zip");
            await File.WriteAllTextAsync(exportFolder.PathOf(waiting), "zip");

            // Sessions: one ended 100 days ago (goes), one ended yesterday and one still open (stay).
            var user = Guid.NewGuid();
            await Sql.ExecuteAsync(connectionString, """
                INSERT INTO user_sessions (session_id, user_id, user_agent, address, ended_at) VALUES
                  (gen_random_uuid(), @u, 'Firefox', '10.0.0.1', now() - interval '100 days'),
                  (gen_random_uuid(), @u, 'Firefox', '10.0.0.1', now() - interval '1 day'),
                  (gen_random_uuid(), @u, 'Firefox', '10.0.0.1', NULL)
                """, ("u", user));

            // ID tokens of open sessions: one started 13 hours ago (past the 12-hour lifetime, never ended), one just now.
            var holder = Guid.NewGuid();
            await Sql.ExecuteAsync(connectionString, """
                INSERT INTO user_sessions (session_id, user_id, user_agent, address, created_at, id_token) VALUES
                  (gen_random_uuid(), @u, 'Firefox', '10.0.0.1', now() - interval '13 hours', 'stale.id.token'),
                  (gen_random_uuid(), @u, 'Firefox', '10.0.0.1', now(), 'live.id.token')
                """, ("u", holder));

            var first = await applier.ApplyPlatformAsync("nightly");

            Assert.Equal((2L, 1, 1, 1), (first.AuditRemoved, first.ExportsRemoved, first.StoredFilesRemoved, first.SessionsRemoved));
            Assert.Equal(2, await Sql.CountAsync(connectionString, "SELECT count(*) FROM user_sessions WHERE user_id = @u", ("u", user)));
            Assert.Equal("live.id.token", await Sql.ScalarAsync<string>(connectionString,
                "SELECT string_agg(id_token, ',') FROM user_sessions WHERE user_id = @u", ("u", holder)));
            Assert.True(Stored(files, referenced));
            Assert.True(Stored(files, fresh));
            Assert.False(Stored(files, orphan));
            Assert.False(File.Exists(exportFolder.PathOf(expired)));
            Assert.True(File.Exists(exportFolder.PathOf(waiting)));
            Assert.Equal(0, await Sql.CountAsync(connectionString, "SELECT count(*) FROM audit_log WHERE action = 'test.old'"));
            await using (var connection = await database.OpenConnectionAsync())
            {
                var report = await AuditChainVerifier.VerifyAsync(connection);
                Assert.True(report.Intact, report.ToString());
            }

            var second = await applier.ApplyPlatformAsync("nightly");
            Assert.Equal((0L, 0, 0, 0), (second.AuditRemoved, second.ExportsRemoved, second.StoredFilesRemoved, second.SessionsRemoved));
            Assert.Equal(2, await Sql.CountAsync(connectionString, "SELECT count(*) FROM retention_runs WHERE school_id IS NULL"));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task The_nightly_reminder_is_registered_once_and_a_night_without_limits_removes_nothing_of_the_schools()
    {
        var scheduler = env.Grains.GetGrain<IRetentionSchedulerGrain>(0);
        await scheduler.EnsureScheduledAsync();
        await scheduler.EnsureScheduledAsync();
        Assert.Equal(1, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM orleansreminderstable WHERE remindername = 'nightly' AND grainid LIKE '%retentionscheduler%'"));

        var reports = await scheduler.RunNightlyAsync();
        Assert.Contains(reports, r => r.SchoolId is null);
        Assert.All(reports.Where(r => r.SchoolId is not null), r => Assert.Equal(0, r.MessagesRemoved));
    }

    [Theory]
    [InlineData("2026-12-02T20:00:00Z", "03:30", 4.5)]   // 23:00 in Moscow
    [InlineData("2026-12-03T00:00:00Z", "03:30", 0.5)]   // 03:00 in Moscow: half an hour
    [InlineData("2026-12-03T00:30:00Z", "03:30", 24)]    // exactly at the time: the next night
    public void The_next_run_is_the_next_RunAt_in_Moscow(string now, string runAt, double hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), RetentionSchedulerGrain.UntilNextRun(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), runAt));

    private static bool Stored(IFileStore files, string hash)
    {
        using var stream = files.Open(hash);
        return stream is not null;
    }

    private static async Task<string> PutAsync(IFileStore files, string text)
    {
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"{text} {Guid.NewGuid()}"));
        return (await files.PutAsync(content, 1024)).Hash;
    }
}
