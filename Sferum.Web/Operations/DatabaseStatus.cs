using Npgsql;

namespace Sferum.Web.Operations;

/// <summary>
/// The database as this web node reaches it: which server answered (with a multi-host connection string, the primary
/// it found), whether it is the primary, and its standbys with their lag. Replication details need the account to
/// have <c>pg_monitor</c>; without it PostgreSQL shows them empty, and the page says so.
/// </summary>
public sealed class DatabaseStatus(NpgsqlDataSource database)
{
    public async Task<DatabaseReport> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var server = new NpgsqlCommand(
            "SELECT coalesce(inet_server_addr()::text, 'socket'), coalesce(inet_server_port(), 0), pg_is_in_recovery(), current_setting('server_version')",
            connection);
        string address;
        bool standby;
        string version;
        await using (var reader = await server.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            address = $"{reader.GetString(0)}:{reader.GetInt32(1)}";
            standby = reader.GetBoolean(2);
            version = reader.GetString(3);
        }

        var replicas = new List<ReplicaRow>();
        await using var replication = new NpgsqlCommand(
            """
            SELECT application_name, client_addr::text, state, sync_state,
                   extract(epoch FROM replay_lag)::float8, pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint
            FROM pg_stat_replication ORDER BY application_name
            """, connection);
        if (!standby)
        {
            await using var reader = await replication.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                replicas.Add(new ReplicaRow(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetDouble(4), reader.IsDBNull(5) ? null : reader.GetInt64(5)));
            }
        }

        return new DatabaseReport(connection.Host ?? "", address, standby, version, replicas);
    }
}

/// <param name="Host">The host name this node connected to (one of the connection string's).</param>
/// <param name="Address">The server's own address and port.</param>
public sealed record DatabaseReport(string Host, string Address, bool Standby, string Version, IReadOnlyList<ReplicaRow> Replicas);

/// <param name="State">Null when the account may not see replication details (no <c>pg_monitor</c>).</param>
public sealed record ReplicaRow(string Name, string? ClientAddress, string? State, string? SyncState, double? ReplayLagSeconds, long? BytesBehind);
