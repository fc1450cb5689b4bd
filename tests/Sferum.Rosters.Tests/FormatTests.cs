using System.Text;
using System.Text.Json;
using Sferum.Rosters.Model;
using Sferum.Rosters.Reading;
using Sferum.Testing;

namespace Sferum.Rosters.Tests;

/// <summary>Every export format of the sample school reads to what truth.json says, and to the same roster.</summary>
public sealed class FormatTests
{
    public static TheoryData<string> Samples => new() { "journal-utf8", "journal-cp1251", "journal.xlsx", "oneroster.zip", "oneroster" };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_format_yields_the_truth(string sample)
    {
        var result = Read.Sample(sample);
        var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedSamples.SchoolSeven, "truth.json"))).RootElement;
        var s = result.Snapshot;

        Assert.False(result.HasErrors, string.Join("\n", result.Problems.Select(p => $"{p.File}:{p.Row} {p.Column} {p.Message}")));
        Assert.Equal(truth.GetProperty("classes").GetInt32(), s.Classes.Count);
        Assert.Equal(truth.GetProperty("students").GetInt32(), s.People.Count(p => p.Role == RosterRole.Student));
        Assert.Equal(truth.GetProperty("parents").GetInt32(), s.People.Count(p => p.Role == RosterRole.Parent));
        Assert.Equal(truth.GetProperty("staff").GetInt32(), s.People.Count(p => p.Role == RosterRole.Staff));
        Assert.Equal(truth.GetProperty("parent_child_links").GetInt32(), s.Guardianships.Count);
        foreach (var homeroom in truth.GetProperty("homeroom").EnumerateObject())
        {
            Assert.Single(s.Teaching, t => t.ClassName == homeroom.Name && t.IsHomeroom && t.StaffId == homeroom.Value.GetString());
        }

        foreach (var size in truth.GetProperty("class_sizes").EnumerateObject())
        {
            Assert.Equal(size.Value.GetInt32(), s.Enrollments.Count(e => e.ClassName == size.Name));
        }
    }

    [Fact]
    public void All_formats_describe_the_same_people_classes_and_links()
    {
        // OneRoster carries no birth dates, positions or subjects: compared on what every format carries.
        static object Shape(RosterSnapshot s) => new
        {
            People = string.Join("\n", s.People.Select(p => $"{p.JournalId}|{p.Role}|{p.LastName}|{p.FirstName}|{p.MiddleName}|{p.Snils}")),
            Classes = string.Join(",", s.Classes),
            Enrollments = string.Join(",", s.Enrollments),
            Links = string.Join(",", s.Guardianships.Select(g => $"{g.ParentId}>{g.StudentId}")),
            Teaching = string.Join(",", s.Teaching.Select(t => $"{t.StaffId}@{t.ClassName}:{t.IsHomeroom}")),
        };

        var expected = Shape(Read.Sample("journal-utf8").Snapshot);
        foreach (var sample in new[] { "journal-cp1251", "journal.xlsx", "oneroster.zip" })
        {
            Assert.Equal(expected, Shape(Read.Sample(sample).Snapshot));
        }
    }

    [Fact]
    public void Comma_delimited_files_with_lf_line_ends_and_quotes_read_the_same()
    {
        var files = new[] { "students.csv", "parents.csv", "staff.csv" }.Select(name =>
        {
            var lines = Read.Text("journal-utf8", name).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
                .Select(line => string.Join(',', line.Split(';').Select(cell => cell.Contains(',') ? $"\"{cell}\"" : cell)));
            return (name, string.Join("\n", lines) + "\n");
        }).ToArray();

        var comma = Read.Files(files);

        Assert.False(comma.HasErrors);
        Assert.Equal(Read.Sample("journal-utf8").Snapshot.People, comma.Snapshot.People);
        Assert.Contains(comma.Files, f => f.Encoding!.Contains("«,»"));
    }

    [Fact]
    public void The_encoding_is_detected_and_reported()
    {
        var result = Read.Sample("journal-cp1251");

        Assert.All(result.Files, f => Assert.StartsWith("Windows-1251", f.Encoding));
        Assert.Contains(result.Snapshot.People, p => p.LastName == "Семёнова");
    }

    [Fact]
    public void A_bigger_generated_school_reads_to_its_truth()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"sferum-gen-{Guid.NewGuid():N}");
        try
        {
            var tool = Path.Combine(SharedSamples.Root, "..", "tools", "gen_rosters.py");
            using var process = System.Diagnostics.Process.Start("python3", [tool, dir, "--students", "600", "--no-xlsx", "--seed", "7"]);
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "truth.json"))).RootElement;

            var result = RosterReader.Read(Directory.GetFiles(Path.Combine(dir, "journal-cp1251"))
                .Select(f => new RosterUpload(Path.GetFileName(f), File.ReadAllBytes(f))).ToList(), new RosterReaderOptions());

            Assert.False(result.HasErrors);
            Assert.Equal(600, result.Snapshot.People.Count(p => p.Role == RosterRole.Student));
            Assert.Equal(truth.GetProperty("parents").GetInt32(), result.Snapshot.People.Count(p => p.Role == RosterRole.Parent));
            Assert.Equal(truth.GetProperty("parent_child_links").GetInt32(), result.Snapshot.Guardianships.Count);
            Assert.Equal(truth.GetProperty("classes").GetInt32(), result.Snapshot.Classes.Count);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
