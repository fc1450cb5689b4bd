using Npgsql;

namespace Sferum.Database;

/// <summary>Opens connections with an error that says which server was tried (never the password).</summary>
public static class DatabaseConnections
{
    public static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw new DatabaseUnreachableException(Describe(connectionString), ex);
        }
    }

    /// <summary>"Host=…;Port=…;Database=…;Username=…" without secrets, for logs and error messages.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"Host={builder.Host};Port={builder.Port};Database={builder.Database};Username={builder.Username}";
    }
}
