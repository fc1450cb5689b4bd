using System.Data;
using Npgsql;

namespace Sferum.Audit;

/// <summary>
/// Walks the audit chain from its anchor (the last entry retention purged, or the start) to its head and reports the
/// first broken link: an entry whose stored hash is not the hash of its fields (changed in place), whose prev_hash is
/// not the previous entry's hash (an entry removed or replaced before it), a gap in seq, or a chain that stops short of
/// the head (entries cut off at the end). One REPEATABLE READ snapshot, so entries written meanwhile do not disturb it.
/// </summary>
public static class AuditChainVerifier
{
    public static async Task<AuditChainReport> VerifyAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        long anchorSeq, headSeq;
        byte[]? anchorHash, headHash;
        await using (var chain = new NpgsqlCommand("SELECT anchor_seq, anchor_hash, head_seq, head_hash FROM audit_chain", connection, transaction))
        await using (var reader = await chain.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return new AuditChainReport(false, 0, "-", Problem: "table audit_chain has no row", Expected: "one row", Found: "none");
            }

            (anchorSeq, anchorHash) = (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1));
            (headSeq, headHash) = (reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetFieldValue<byte[]>(3));
        }

        const string rows = """
            SELECT seq, id, at, school_id, actor_user_id, actor_client, subject_user_id, client_address::text,
                   action, summary, details::text, prev_hash, hash
            FROM audit_log ORDER BY seq
            """;
        await using var command = new NpgsqlCommand(rows, connection, transaction);
        await using var entries = await command.ExecuteReaderAsync(cancellationToken);
        var (previousSeq, previousHash, count) = (anchorSeq, anchorHash, 0L);
        while (await entries.ReadAsync(cancellationToken))
        {
            var row = Read(entries);
            if (row.Seq <= anchorSeq)
            {
                return Broken(row, count, "entry at or before the purge anchor", $"seq > {anchorSeq}", $"seq {row.Seq}");
            }

            var gap = row.Seq != previousSeq + 1 ? $"entries missing before it (seq {previousSeq + 1}..{row.Seq - 1}), " : "";
            if (!Same(row.PrevHash, previousHash))
            {
                return Broken(row, count, gap + "prev_hash does not match the previous entry's hash", Hex(previousHash), Hex(row.PrevHash));
            }

            if (gap.Length > 0)
            {
                return Broken(row, count, gap.TrimEnd(',', ' '), $"seq {previousSeq + 1}", $"seq {row.Seq}");
            }

            var computed = AuditChainEncoding.Hash(row);
            if (!Same(computed, row.Hash))
            {
                return Broken(row, count, "hash does not match the entry's fields (changed in place)", Hex(computed), Hex(row.Hash));
            }

            (previousSeq, previousHash, count) = (row.Seq, row.Hash, count + 1);
        }

        if (previousSeq != headSeq || !Same(previousHash, headHash))
        {
            return new AuditChainReport(false, count, Hex(headHash), BrokenSeq: previousSeq + 1,
                Problem: "the chain ends before its head (entries removed at the end)",
                Expected: $"seq {headSeq} {Hex(headHash)}", Found: $"seq {previousSeq} {Hex(previousHash)}");
        }

        return new AuditChainReport(true, count, Hex(headHash));
    }

    private static AuditChainRow Read(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), r.GetDateTime(2),
        r.IsDBNull(3) ? null : r.GetGuid(3), r.IsDBNull(4) ? null : r.GetGuid(4), r.IsDBNull(5) ? null : r.GetString(5),
        r.IsDBNull(6) ? null : r.GetGuid(6), r.IsDBNull(7) ? null : r.GetString(7),
        r.GetString(8), r.GetString(9), r.GetString(10),
        r.IsDBNull(11) ? null : r.GetFieldValue<byte[]>(11), r.GetFieldValue<byte[]>(12));

    private static AuditChainReport Broken(AuditChainRow row, long verified, string problem, string expected, string found) =>
        new(false, verified, "-", row.Id, row.Seq, problem, expected, found);

    private static bool Same(byte[]? a, byte[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);

    private static string Hex(byte[]? hash) => hash is null ? "(none)" : Convert.ToHexStringLower(hash);
}
