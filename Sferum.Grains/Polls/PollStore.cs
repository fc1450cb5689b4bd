using Npgsql;

namespace Sferum.Polls;

/// <summary>Tables <c>polls</c>, <c>poll_votes</c>, <c>poll_voters</c>, <c>poll_ballots</c>; the poll's grain is the only writer.</summary>
public sealed class PollStore(NpgsqlDataSource database)
{
    public async Task<PollRecord?> LoadAsync(Guid pollId)
    {
        await using var command = database.CreateCommand("""
            SELECT chat_id, seq, created_by, question, options, multiple, anonymous, deadline, closed_at FROM polls WHERE poll_id = @poll
            """);
        command.Parameters.AddWithValue("poll", pollId);
        await using var r = await command.ExecuteReaderAsync();
        return await r.ReadAsync()
            ? new PollRecord(pollId, r.GetGuid(0), r.IsDBNull(1) ? null : r.GetInt64(1), r.GetGuid(2), r.GetString(3),
                r.GetFieldValue<string[]>(4), r.GetBoolean(5), r.GetBoolean(6),
                r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7), r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8))
            : null;
    }

    public async Task CreateAsync(PollRecord poll)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO polls (poll_id, chat_id, created_by, question, options, multiple, anonymous, deadline)
            VALUES (@poll, @chat, @by, @question, @options, @multiple, @anonymous, @deadline)
            ON CONFLICT (poll_id) DO NOTHING
            """);
        command.Parameters.AddWithValue("poll", poll.PollId);
        command.Parameters.AddWithValue("chat", poll.ChatId);
        command.Parameters.AddWithValue("by", poll.CreatedBy);
        command.Parameters.AddWithValue("question", poll.Question);
        command.Parameters.AddWithValue("options", poll.Options.ToArray());
        command.Parameters.AddWithValue("multiple", poll.Multiple);
        command.Parameters.AddWithValue("anonymous", poll.Anonymous);
        command.Parameters.AddWithValue("deadline", (object?)poll.Deadline ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
    }

    public Task SetSeqAsync(Guid pollId, long seq) =>
        ExecuteAsync("UPDATE polls SET seq = @seq WHERE poll_id = @poll", ("poll", pollId), ("seq", seq));

    public Task CloseAsync(Guid pollId, Guid by, DateTimeOffset at) =>
        ExecuteAsync("UPDATE polls SET closed_at = @at, closed_by = @by WHERE poll_id = @poll AND closed_at IS NULL", ("poll", pollId), ("by", by), ("at", at));

    /// <summary>A named vote: who and what, replacing the voter's earlier choice.</summary>
    public Task VoteNamedAsync(Guid pollId, Guid userId, short[] options) =>
        ExecuteAsync("""
            INSERT INTO poll_votes (poll_id, user_id, options) VALUES (@poll, @user, @options)
            ON CONFLICT (poll_id, user_id) DO UPDATE SET options = excluded.options, voted_at = now()
            """, ("poll", pollId), ("user", userId), ("options", options));

    /// <summary>
    /// A first anonymous vote: the voter is recorded as having voted and, in the same transaction, a ballot with the
    /// choice and the receipt's hash only. False when this user has voted already (nothing is written).
    /// </summary>
    public async Task<bool> VoteAnonymousAsync(Guid pollId, Guid userId, byte[] receiptHash, short[] options)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var voter = new NpgsqlCommand("INSERT INTO poll_voters (poll_id, user_id) VALUES (@poll, @user) ON CONFLICT DO NOTHING", connection, transaction))
        {
            voter.Parameters.AddWithValue("poll", pollId);
            voter.Parameters.AddWithValue("user", userId);
            if (await voter.ExecuteNonQueryAsync() == 0)
            {
                return false;
            }
        }

        await using (var ballot = new NpgsqlCommand("INSERT INTO poll_ballots (poll_id, receipt_hash, options) VALUES (@poll, @hash, @options)", connection, transaction))
        {
            ballot.Parameters.AddWithValue("poll", pollId);
            ballot.Parameters.AddWithValue("hash", receiptHash);
            ballot.Parameters.AddWithValue("options", options);
            await ballot.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return true;
    }

    /// <summary>Changes the ballot that this receipt names; false when no ballot has it.</summary>
    public async Task<bool> ChangeBallotAsync(Guid pollId, byte[] receiptHash, short[] options)
    {
        await using var command = database.CreateCommand("UPDATE poll_ballots SET options = @options WHERE poll_id = @poll AND receipt_hash = @hash");
        command.Parameters.AddWithValue("poll", pollId);
        command.Parameters.AddWithValue("hash", receiptHash);
        command.Parameters.AddWithValue("options", options);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    /// <summary>Named polls: every voter and their choice.</summary>
    public async Task<Dictionary<Guid, short[]>> NamedVotesAsync(Guid pollId)
    {
        await using var command = database.CreateCommand("SELECT user_id, options FROM poll_votes WHERE poll_id = @poll");
        command.Parameters.AddWithValue("poll", pollId);
        await using var r = await command.ExecuteReaderAsync();
        var votes = new Dictionary<Guid, short[]>();
        while (await r.ReadAsync())
        {
            votes[r.GetGuid(0)] = r.GetFieldValue<short[]>(1);
        }

        return votes;
    }

    /// <summary>Anonymous polls: who voted, and how many ballots chose each option (two reads, nothing joins them).</summary>
    public async Task<(HashSet<Guid> Voters, int[] Counts)> AnonymousTallyAsync(Guid pollId, int optionCount)
    {
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT user_id FROM poll_voters WHERE poll_id = @poll") { Parameters = { new("poll", pollId) } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT o, count(*)::integer FROM poll_ballots, unnest(options) AS o WHERE poll_id = @poll GROUP BY o")
        {
            Parameters = { new("poll", pollId) },
        });
        await using var r = await batch.ExecuteReaderAsync();
        var voters = new HashSet<Guid>();
        while (await r.ReadAsync())
        {
            voters.Add(r.GetGuid(0));
        }

        await r.NextResultAsync();
        var counts = new int[optionCount];
        while (await r.ReadAsync())
        {
            var option = r.GetInt16(0);
            if (option >= 0 && option < optionCount)
            {
                counts[option] = r.GetInt32(1);
            }
        }

        return (voters, counts);
    }

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = database.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
