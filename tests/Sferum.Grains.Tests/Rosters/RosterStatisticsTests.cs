using System.Text;
using System.Text.Json;
using Sferum.Rosters;
using Sferum.Testing;

namespace Sferum.Grains.Tests.Rosters;

/// <summary>
/// An import that fills a large part of the roster tables leaves PostgreSQL's planner knowing it at once: without
/// statistics the first import of a large school made the school channel's membership query take 16 s.
/// </summary>
[Collection(GrainCollection.Name)]
public sealed class RosterStatisticsTests(GrainTestEnvironment env)
{
    private readonly RosterFixtures fx = new(env);

    [Fact]
    public void A_table_never_analyzed_is_stale_once_fifty_rows_are_written()
    {
        var written = new Dictionary<string, int> { ["roster_people"] = 50, ["roster_classes"] = 49, ["roster_teaching"] = 0 };
        var known = new Dictionary<string, double> { ["roster_people"] = -1, ["roster_classes"] = -1, ["roster_teaching"] = -1 };

        Assert.Equal(["roster_people"], RosterStatistics.Stale(written, known));
    }

    [Fact]
    public void A_small_change_to_a_large_table_leaves_its_statistics_alone()
    {
        var written = new Dictionary<string, int> { ["roster_people"] = 300, ["roster_enrollments"] = 300 };
        var known = new Dictionary<string, double> { ["roster_people"] = 100_000, ["roster_enrollments"] = 2_000 };

        Assert.Equal(["roster_enrollments"], RosterStatistics.Stale(written, known));
    }

    [Fact]
    public async Task A_large_import_leaves_the_planner_knowing_the_schools_rows()
    {
        var (school, admin) = await fx.NewSchoolAsync(TestSnils.Next());
        var known = await Sql.ScalarAsync<float>(env.ConnectionString, "SELECT reltuples FROM pg_class WHERE relname = 'roster_people'");
        // A quarter of what the planner knows and more: stale by autovacuum's own rule whatever earlier tests imported.
        var students = Math.Max(300, (int)(Math.Max(0, known) * 0.25) + 100);
        var analyzedBefore = await AnalyzeCountAsync();
        var csv = new StringBuilder("Фамилия;Имя;Класс;СНИЛС;Идентификатор\r\n");
        for (var i = 0; i < students; i++)
        {
            csv.Append($"Иванов;Пётр;{i % 11 + 1}{"АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ"[i / 11 % 27]};{TestSnils.Next()};X{i}\r\n");
        }

        var imports = fx.Imports(school);
        var preview = await imports.PreviewAsync(ImportRequester.User(admin), [new ImportFile("students.csv", Encoding.UTF8.GetBytes(csv.ToString()))]);
        Assert.Equal(0, preview.ErrorCount);
        Assert.Equal(ImportStatus.Applied, (await imports.ApplyAsync(ImportRequester.User(admin), preview.ImportId)).Status);

        Assert.True(await AnalyzeCountAsync() > analyzedBefore, "the import analyzed roster_people");
        var plan = await Sql.ScalarAsync<string>(env.ConnectionString, $"EXPLAIN (FORMAT JSON) SELECT * FROM roster_people WHERE school_id = '{school}'");
        var estimate = JsonDocument.Parse(plan).RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
        Assert.True(estimate >= students / 2.0, $"the planner expects {estimate} rows of the school's {students}");
    }

    // Manual ANALYZE only: autovacuum's own runs are counted apart (autoanalyze_count).
    private Task<long> AnalyzeCountAsync() =>
        Sql.CountAsync(env.ConnectionString, "SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'roster_people'");
}
