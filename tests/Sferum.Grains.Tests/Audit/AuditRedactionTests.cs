using Npgsql;
using Sferum.Audit;

namespace Sferum.Grains.Tests.Audit;

/// <summary>
/// Redaction of a destroyed person's name out of old entries (migration 0930): only through audit_redact, recorded as an
/// entry of its own; the chain still verifies afterwards, and a redacted text changed later is still found.
/// </summary>
[Collection(GrainCollection.Name)]
public sealed class AuditRedactionTests(GrainTestEnvironment env)
{
    private static readonly Guid School = Guid.NewGuid();

    private static async Task<AuditChainDatabase> LogWithANameAsync(GrainTestEnvironment env)
    {
        var db = await AuditChainDatabase.CreateAsync(env);
        var audit = new AuditLog(db.Source);
        await audit.WriteAsync(new AuditEntry(School, Guid.NewGuid(), null, "school.admin-appointed", "Назначен администратор школы: Лесная Вера Павловна"));
        await audit.WriteAsync(new AuditEntry(School, Guid.NewGuid(), null, "community.join-requested", "Вера Лесная просит принять в сообщество «Хор»",
            new Dictionary<string, object?> { ["name"] = "Лесная Вера Павловна" }));
        await audit.WriteAsync(new AuditEntry(Guid.NewGuid(), Guid.NewGuid(), null, "other.school", "Лесная Вера Павловна в другой школе"));
        await audit.WriteAsync(new AuditEntry(School, null, null, "test.entry", "Без имени"));
        return db;
    }

    private static Task<long> RedactAsync(AuditChainDatabase db) => db.ScalarAsync<long>(
        $"SELECT audit_redact(ARRAY['Вера Лесная', 'Лесная Вера Павловна'], 'бывший участник', ARRAY['{School}']::uuid[], NULL, NULL, 'акт № 1')");

    [Fact]
    public async Task A_redaction_replaces_the_name_in_its_schools_entries_records_itself_and_the_chain_verifies()
    {
        await using var db = await LogWithANameAsync(env);
        Assert.Equal(2L, await RedactAsync(db));

        Assert.Equal(0L, await db.ScalarAsync<long>($"SELECT count(*) FROM audit_log WHERE school_id = '{School}' AND (summary LIKE '%Лесн%' OR details::text LIKE '%Лесн%')"));
        Assert.Equal("Назначен администратор школы: бывший участник", await db.ScalarAsync<string>("SELECT summary FROM audit_log WHERE seq = 1"));
        Assert.Equal("бывший участник", await db.ScalarAsync<string>("SELECT details ->> 'name' FROM audit_log WHERE seq = 2"));
        // Another school's entry is another operator's: untouched. The redaction is an entry of its own, naming nobody.
        Assert.Equal("Лесная Вера Павловна в другой школе", await db.ScalarAsync<string>("SELECT summary FROM audit_log WHERE seq = 3"));
        Assert.Equal(5L, await db.ScalarAsync<long>("SELECT redacted_by FROM audit_log WHERE seq = 1"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE redacted_by IS NOT NULL AND content_salt IS NOT NULL"));
        Assert.DoesNotContain("Лесн", await db.ScalarAsync<string>("SELECT details::text FROM audit_log WHERE action = 'audit.redacted'"));

        var report = await db.VerifyAsync();
        Assert.True(report.Intact, report.ToString());
        Assert.Equal(5, report.Entries);
        Assert.Equal(0L, await RedactAsync(db)); // nothing left to redact
        await new AuditLog(db.Source).WriteAsync(new AuditEntry(School, null, null, "test.after", "Дальше"));
        Assert.True((await db.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task A_redacted_text_or_the_redaction_entry_changed_afterwards_is_found()
    {
        await using var db = await LogWithANameAsync(env);
        await RedactAsync(db);
        var redacted = await db.ScalarAsync<long>("SELECT id FROM audit_log WHERE seq = 1");
        await db.TamperAsync($"UPDATE audit_log SET summary = 'Назначен администратор школы: кто-то другой' WHERE seq = 1");
        var changed = await db.VerifyAsync();
        Assert.False(changed.Intact);
        Assert.Equal(redacted, changed.BrokenEntryId);
        Assert.Contains("redacted text does not match", changed.Problem);

        await using var second = await LogWithANameAsync(env);
        await RedactAsync(second);
        await second.TamperAsync("UPDATE audit_log SET details = jsonb_set(details, '{reason}', '\"подделка\"') WHERE action = 'audit.redacted'");
        var forged = await second.VerifyAsync();
        Assert.False(forged.Intact);
        Assert.Equal(5, forged.BrokenSeq);
        Assert.Contains("hash does not match", forged.Problem);
    }

    [Fact]
    public async Task The_redaction_flag_alone_opens_nothing()
    {
        await using var db = await LogWithANameAsync(env);
        foreach (var statement in new[]
                 {
                     "SELECT set_config('sferum.audit_chain', 'redact', true); UPDATE audit_log SET summary = 'x', content_salt = NULL, redacted_by = 4 WHERE seq = 1",
                     "SELECT set_config('sferum.audit_chain', 'redact', true); UPDATE audit_log SET action = 'x' WHERE seq = 1",
                     "SELECT set_config('sferum.audit_chain', 'redact', true); DELETE FROM audit_log WHERE seq = 1",
                 })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync(statement));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }

        Assert.True((await db.VerifyAsync()).Intact);
    }
}
