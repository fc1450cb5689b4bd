using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sferum.Local;

namespace Sferum.Grains.Tests.Common;

/// <summary>
/// The grains' connections go back to Npgsql's pool without a reset (see AddSferumGrains): that is only safe while no
/// grain leaves session state on a connection for the next user of it to inherit. These tests hold both halves.
/// </summary>
public sealed partial class PoolResetTests
{
    [Fact]
    public void The_grains_data_source_skips_the_reset_and_keeps_auto_prepare()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Sferum"] = "Host=127.0.0.1;Database=sferum;Username=sferum" })
            .Build();
        using var services = new ServiceCollection().AddLogging().AddSferumGrains(configuration).BuildServiceProvider();

        var built = new NpgsqlConnectionStringBuilder(services.GetRequiredService<NpgsqlDataSource>().ConnectionString);

        Assert.True(built.NoResetOnClose);
        Assert.Equal(64, built.MaxAutoPrepare);
    }

    [Fact]
    public void No_grain_statement_leaves_session_state_on_a_pooled_connection()
    {
        var grains = SolutionLayout.Locate().ProjectDirectory("Sferum.Grains");
        var found = Directory.EnumerateFiles(grains, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => SessionState(File.ReadAllText(f)).Select(s => $"{Path.GetRelativePath(grains, f)}: {s}"))
            .ToList();

        Assert.True(found.Count == 0, "Session state on a pooled connection without reset (use SET LOCAL or a transaction-scoped lock):\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("new NpgsqlCommand(\"SELECT pg_advisory_lock(@key)\", connection)")]
    [InlineData("database.CreateCommand(\"SET statement_timeout = 0\")")]
    [InlineData("database.CreateCommand(\"\"\"\n    SET search_path TO audit\n    \"\"\")")]
    [InlineData("\"LISTEN chat_events\"")]
    [InlineData("\"CREATE TEMP TABLE rows (id uuid)\"")]
    [InlineData("\"SELECT set_config('app.user', @u, false)\"")]
    public void The_check_finds_each_kind_of_session_state(string source) => Assert.NotEmpty(SessionState(source));

    [Theory]
    [InlineData("\"UPDATE chats SET title = @t WHERE id = @id\"")]
    [InlineData("\"SET LOCAL lock_timeout = '2s'\"")]
    [InlineData("\"SELECT pg_advisory_xact_lock(@key)\"")]
    [InlineData("\"SELECT set_config('app.user', @u, true)\"")]
    public void The_check_leaves_transaction_scoped_statements_alone(string source) => Assert.Empty(SessionState(source));

    private static IEnumerable<string> SessionState(string source) => SessionStatePattern().Matches(source).Select(m => m.Value.Trim());

    // A statement that starts with SET (not SET LOCAL), LISTEN, a session-level advisory lock, a temporary table, or
    // set_config(..., false). UPDATE ... SET is not at a string's start, so it does not match.
    [GeneratedRegex("""(?:"{1,3}\s*SET\s+(?!LOCAL\b)\w+|"{1,3}\s*LISTEN\s+\w+|pg_(?:try_)?advisory_lock(?:_shared)?\(|CREATE\s+TEMP(?:ORARY)?\s+TABLE|set_config\([^)]*,\s*false\s*\))""")]
    private static partial Regex SessionStatePattern();
}
