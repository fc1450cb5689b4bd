using System.Data;
using System.Text.Json;
using Npgsql;

namespace Sferum.Audit;

/// <summary>
/// Walks the audit chain from its anchor (the last entry retention purged, or the start) to its head and reports the
/// first broken link: an entry whose stored hash is not the hash of its fields (changed in place), whose prev_hash is
/// not the previous entry's hash (an entry removed or replaced before it), a gap in seq, or a chain that stops short of
/// the head (entries cut off at the end). The chain covers each entry's salted content digest (migration 0930): the
/// text must match it, or — for an entry a redaction rewrote — match the digest the later <c>audit.redacted</c> entry
/// lists for it. One REPEATABLE READ snapshot, so entries written meanwhile do not disturb it.
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
                   action, summary, details::text, prev_hash, hash, content_salt, content_digest, redacted_by
            FROM audit_log ORDER BY seq
            """;
        await using var command = new NpgsqlCommand(rows, connection, transaction);
        await using var entries = await command.ExecuteReaderAsync(cancellationToken);
        var (previousSeq, previousHash, count) = (anchorSeq, anchorHash, 0L);
        // Redacted entries wait for their redaction entry, which comes later in the chain.
        var redacted = new Dictionary<long, (AuditChainRow Row, long Verified)>();
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

            var redactedRow = row.RedactedBy is not null;
            if (!redactedRow && row.ContentSalt is null)
            {
                return Broken(row, count, "entry has lost its salt without a redaction", "a salt", "(none)");
            }

            // An entry's own text must give its digest; a redacted one keeps the digest of what it said before.
            var digest = redactedRow ? row.ContentDigest : AuditChainEncoding.ContentDigest(row.ContentSalt, row.Summary, row.Details);
            var computed = AuditChainEncoding.Hash(row, digest);
            if (!Same(computed, row.Hash))
            {
                return Broken(row, count, "hash does not match the entry's fields (changed in place)", Hex(computed), Hex(row.Hash));
            }

            if (!Same(digest, row.ContentDigest))
            {
                return Broken(row, count, "content_digest does not match the entry's text", Hex(digest), Hex(row.ContentDigest));
            }

            if (redactedRow)
            {
                redacted[row.Seq] = (row, count);
            }
            else if (row.Action == RedactionAction && Redaction(row, redacted) is { } broken)
            {
                return broken;
            }

            (previousSeq, previousHash, count) = (row.Seq, row.Hash, count + 1);
        }

        if (redacted.Count > 0)
        {
            var (row, verified) = redacted.Values.MinBy(r => r.Row.Seq);
            return Broken(row, verified, "redacted_by names no redaction entry that lists this entry", $"an {RedactionAction} entry at seq {row.RedactedBy}", "none");
        }

        if (previousSeq != headSeq || !Same(previousHash, headHash))
        {
            return new AuditChainReport(false, count, Hex(headHash), BrokenSeq: previousSeq + 1,
                Problem: "the chain ends before its head (entries removed at the end)",
                Expected: $"seq {headSeq} {Hex(headHash)}", Found: $"seq {previousSeq} {Hex(previousHash)}");
        }

        return new AuditChainReport(true, count, Hex(headHash));
    }

    public const string RedactionAction = "audit.redacted";

    /// <summary>Checks the entries this redaction rewrote against the digests it lists; null when they match.</summary>
    private static AuditChainReport? Redaction(AuditChainRow redaction, Dictionary<long, (AuditChainRow Row, long Verified)> redacted)
    {
        using var details = JsonDocument.Parse(redaction.Details);
        if (!details.RootElement.TryGetProperty("rows", out var rows) || rows.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var listed in rows.EnumerateArray())
        {
            var seq = listed.GetProperty("seq").GetInt64();
            // An entry redacted again later answers to that later redaction.
            if (!redacted.TryGetValue(seq, out var entry) || entry.Row.RedactedBy != redaction.Seq)
            {
                continue;
            }

            var expected = listed.GetProperty("digest").GetString();
            var found = Hex(AuditChainEncoding.ContentDigest(null, entry.Row.Summary, entry.Row.Details));
            if (expected != found)
            {
                return Broken(entry.Row, entry.Verified, $"redacted text does not match the digest its redaction (seq {redaction.Seq}) lists", expected ?? "-", found);
            }

            redacted.Remove(seq);
        }

        return null;
    }

    private static AuditChainRow Read(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), r.GetDateTime(2),
        r.IsDBNull(3) ? null : r.GetGuid(3), r.IsDBNull(4) ? null : r.GetGuid(4), r.IsDBNull(5) ? null : r.GetString(5),
        r.IsDBNull(6) ? null : r.GetGuid(6), r.IsDBNull(7) ? null : r.GetString(7),
        r.GetString(8), r.GetString(9), r.GetString(10),
        r.IsDBNull(11) ? null : r.GetFieldValue<byte[]>(11), r.GetFieldValue<byte[]>(12),
        r.IsDBNull(13) ? null : r.GetFieldValue<byte[]>(13), r.GetFieldValue<byte[]>(14), r.IsDBNull(15) ? null : r.GetInt64(15));

    private static AuditChainReport Broken(AuditChainRow row, long verified, string problem, string expected, string found) =>
        new(false, verified, "-", row.Id, row.Seq, problem, expected, found);

    private static bool Same(byte[]? a, byte[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);

    private static string Hex(byte[]? hash) => hash is null ? "(none)" : Convert.ToHexStringLower(hash);
}
