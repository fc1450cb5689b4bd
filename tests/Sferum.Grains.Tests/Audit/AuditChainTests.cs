using Npgsql;
using Sferum.Audit;
using Sferum.Testing;

namespace Sferum.Grains.Tests.Audit;

/// <summary>
/// The audit log's hash chain on real PostgreSQL: many writers at once, an attacker with database access changing or
/// removing rows, the guards against UPDATE and DELETE, and the retention purge.
/// </summary>
[Collection(GrainCollection.Name)]
public sealed class AuditChainTests(GrainTestEnvironment env)
{
    [Fact]
    public async Task Concurrent_inserts_from_many_writers_form_one_verifiable_chain()
    {
        await using var db = await AuditChainDatabase.CreateAsync(env);
        // Four data sources stand for four silos, each with its own pool; some writers roll back.
        var silos = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(db.ConnectionString)).ToList();
        try
        {
            var writers = Enumerable.Range(0, 40).Select(async w =>
            {
                var source = silos[w % silos.Count];
                var audit = new AuditLog(source);
                for (var i = 0; i < 10; i++)
                {
                    await using var connection = await source.OpenConnectionAsync();
                    await using var transaction = await connection.BeginTransactionAsync();
                    await audit.WriteAsync(new AuditEntry(null, Guid.NewGuid(), null, "test.concurrent", $"{w}/{i}"), connection, transaction);
                    if (i % 5 == 4)
                    {
                        await transaction.RollbackAsync();
                    }
                    else
                    {
                        await transaction.CommitAsync();
                    }
                }
            });
            await Task.WhenAll(writers);
        }
        finally
        {
            foreach (var source in silos)
            {
                await source.DisposeAsync();
            }
        }

        var report = await db.VerifyAsync();
        Assert.True(report.Intact, report.ToString());
        Assert.Equal(320, report.Entries);
        Assert.Equal(320L, await db.ScalarAsync<long>("SELECT max(seq) FROM audit_log"));
        Assert.StartsWith("OK, 320 entries", report.ToString());
    }

    [Fact]
    public async Task A_row_changed_with_the_trigger_disabled_is_found_at_its_id_and_a_recomputed_hash_at_the_next()
    {
        await using var db = await AuditChainDatabase.CreateAsync(env);
        var ids = await db.WriteAsync(8);
        var stored = await db.HashOfAsync(ids[4]);

        await db.TamperAsync($"UPDATE audit_log SET summary = 'ничего не было' WHERE id = {ids[4]}");
        var changed = await db.VerifyAsync();
        Assert.False(changed.Intact);
        Assert.Equal((ids[4], stored), (changed.BrokenEntryId, changed.Found));
        Assert.NotEqual(stored, changed.Expected);
        Assert.Equal(4, changed.Entries);

        // A careful attacker also recomputes that row's hash: then its successor's link gives it away.
        await db.TamperAsync($"""
            UPDATE audit_log SET content_digest = audit_content_digest(content_salt, summary, details),
                hash = audit_entry_hash(seq, id, at, school_id, actor_user_id, actor_client, subject_user_id, client_address,
                                        action, audit_content_digest(content_salt, summary, details), prev_hash) WHERE id = {ids[4]}
            """);
        var relinked = await db.VerifyAsync();
        Assert.Equal(ids[5], relinked.BrokenEntryId);
        Assert.Equal((await db.HashOfAsync(ids[4]), stored), (relinked.Expected, relinked.Found));
        Assert.Contains("prev_hash", relinked.Problem);
    }

    [Fact]
    public async Task A_row_deleted_in_the_middle_or_at_the_end_is_found()
    {
        await using var db = await AuditChainDatabase.CreateAsync(env);
        var ids = await db.WriteAsync(6);
        var (beforeIt, itself) = (await db.HashOfAsync(ids[1]), await db.HashOfAsync(ids[2]));

        await db.TamperAsync($"DELETE FROM audit_log WHERE id = {ids[2]}");
        var middle = await db.VerifyAsync();
        Assert.Equal((ids[3], beforeIt, itself), (middle.BrokenEntryId, middle.Expected, middle.Found));
        Assert.Contains("entries missing before it (seq 3..3)", middle.Problem);

        await using var tail = await AuditChainDatabase.CreateAsync(env);
        var tailIds = await tail.WriteAsync(4);
        await tail.TamperAsync($"DELETE FROM audit_log WHERE id = {tailIds[^1]}");
        var cut = await tail.VerifyAsync();
        Assert.False(cut.Intact);
        Assert.Contains("ends before its head", cut.Problem);
        Assert.Equal(4, cut.BrokenSeq);
    }

    [Fact]
    public async Task Update_delete_and_truncate_are_refused_by_the_database()
    {
        await using var db = await AuditChainDatabase.CreateAsync(env);
        var ids = await db.WriteAsync(2);
        foreach (var statement in new[]
                 {
                     $"UPDATE audit_log SET summary = 'x' WHERE id = {ids[0]}",
                     $"UPDATE audit_log SET hash = hash, prev_hash = prev_hash WHERE id = {ids[1]}",
                     $"DELETE FROM audit_log WHERE id = {ids[0]}",
                     "TRUNCATE audit_log",
                     "UPDATE audit_chain SET head_seq = 0",
                     "DELETE FROM audit_chain",
                     // The purge's flag alone does not open the log: only entries behind the anchor may go.
                     $"SELECT set_config('sferum.audit_chain', 'purge', true); DELETE FROM audit_log WHERE id = {ids[1]}",
                 })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync(statement));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }

        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM audit_log"));
        Assert.True((await db.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task A_purge_of_the_oldest_entries_leaves_a_chain_that_verifies_and_grows_on()
    {
        await using var db = await AuditChainDatabase.CreateAsync(env);
        await db.ExecuteAsync("""
            INSERT INTO audit_log (at, action, summary) VALUES
                (now() - interval '400 days', 'old', '1'), (now() - interval '399 days', 'old', '2'),
                (now() - interval '398 days', 'old', '3'), (now() - interval '1 day', 'young', '4'),
                (now() - interval '397 days', 'old', 'after a young one: waits for a later purge'), (now(), 'young', '6')
            """);
        var ids = await db.IdsAsync();

        Assert.Equal(3L, await db.ScalarAsync<long>("SELECT audit_purge_before(now() - interval '1 year')"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT audit_purge_before(now() - interval '1 year')"));
        Assert.Equal(ids[3..], await db.IdsAsync());
        Assert.Equal(3L, await db.ScalarAsync<long>("SELECT anchor_seq FROM audit_chain"));
        var afterPurge = await db.VerifyAsync();
        Assert.True(afterPurge.Intact, afterPurge.ToString());
        Assert.Equal(3, afterPurge.Entries);

        await db.WriteAsync(2);
        Assert.True((await db.VerifyAsync()).Intact);

        // Everything purged: the anchor is the head, and the next entry chains onto it.
        Assert.Equal(5L, await db.ScalarAsync<long>("SELECT audit_purge_before(now() + interval '1 day')"));
        Assert.Equal("OK, 0 entries", (await db.VerifyAsync()).ToString()[..13]);
        await db.WriteAsync(1);
        Assert.True((await db.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task The_clusters_own_audit_log_verifies()
    {
        // Whatever the grain tests have written so far (imports in transactions, refusals, invitations) forms a chain.
        await using var connection = new NpgsqlConnection(env.ConnectionString);
        await connection.OpenAsync();
        var report = await AuditChainVerifier.VerifyAsync(connection);
        Assert.True(report.Intact, report.ToString());
        Assert.Equal(await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM audit_log"), report.Entries);
    }
}
