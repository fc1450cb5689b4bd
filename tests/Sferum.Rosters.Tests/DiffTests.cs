using Sferum.Rosters.Changes;
using Sferum.Rosters.Model;

namespace Sferum.Rosters.Tests;

/// <summary>What an import would change: nothing for the same export, exactly the difference for a newer one.</summary>
public sealed class DiffTests
{
    private static readonly RosterSnapshot Current = Read.Sample("journal-utf8").Snapshot with { Coverage = RosterCoverage.All };

    [Fact]
    public void The_same_export_in_any_format_changes_nothing()
    {
        foreach (var sample in new[] { "journal-utf8", "journal-cp1251", "journal.xlsx", "oneroster.zip" })
        {
            Assert.True(RosterDiff.Compare(Current, Read.Sample(sample).Snapshot).IsEmpty, sample);
        }
    }

    [Fact]
    public void A_moved_a_left_and_a_new_student()
    {
        var incoming = Current with
        {
            People = Current.People.Where(p => p.JournalId != "S000004")
                .Append(new RosterPerson("S999", RosterRole.Student, "Новая", "Вера", null, null, null, null, null, null, false)).ToList(),
            Enrollments = Current.Enrollments.Where(e => e.StudentId != "S000004")
                .Select(e => e.StudentId == "S000001" ? e with { ClassName = "2А" } : e)
                .Append(new RosterEnrollment("S999", "4А")).ToList(),
            Guardianships = Current.Guardianships.Where(g => g.StudentId != "S000004").ToList(),
        };

        var changes = RosterDiff.Compare(Current, incoming);

        Assert.Equal(new StudentMove("S000001", "1А", "2А"), Assert.Single(changes.Moves));
        Assert.Contains(changes.People, c => c.Kind == ChangeKind.Removed && c.Before!.JournalId == "S000004");
        Assert.Contains(changes.People, c => c.Kind == ChangeKind.Added && c.After!.JournalId == "S999");
        Assert.Contains(changes.Enrollments, c => c.Kind == ChangeKind.Removed && c.Before == new RosterEnrollment("S000004", "4А"));
        Assert.Contains(changes.Enrollments, c => c.Kind == ChangeKind.Added && c.After == new RosterEnrollment("S999", "4А"));
        Assert.Empty(changes.Classes);
    }

    [Fact]
    public void A_parents_only_upload_leaves_students_and_staff_alone()
    {
        var parentsOnly = Read.Files(("p.csv", Read.Text("journal-utf8", "parents.csv")));
        Assert.Equal(RosterCoverage.Parents, parentsOnly.Snapshot.Coverage);

        var changes = RosterDiff.Compare(Current, parentsOnly.Snapshot);

        Assert.True(changes.IsEmpty);
    }

    [Fact]
    public void A_value_the_upload_does_not_carry_is_not_a_change_but_a_new_value_is()
    {
        var person = Current.People.First(p => p.Role == RosterRole.Parent);
        var unknownPhone = Current with { People = Current.People.Select(p => p == person ? p with { Phone = null } : p).ToList() };
        Assert.True(RosterDiff.Compare(Current, unknownPhone).IsEmpty);

        var newPhone = Current with { People = Current.People.Select(p => p == person ? p with { Phone = "+79990000000" } : p).ToList() };
        var change = Assert.Single(RosterDiff.Compare(Current, newPhone).People);
        Assert.Equal(ChangeKind.Changed, change.Kind);
    }

    [Fact]
    public void A_class_is_removed_only_when_students_and_staff_are_both_covered()
    {
        var without5A = Current with
        {
            Classes = Current.Classes.Where(c => c.Name != "5А").ToList(),
            Enrollments = Current.Enrollments.Where(e => e.ClassName != "5А").ToList(),
            Teaching = Current.Teaching.Where(t => t.ClassName != "5А").ToList(),
        };

        Assert.Contains(RosterDiff.Compare(Current, without5A).Classes, c => c.Kind == ChangeKind.Removed && c.Before!.Name == "5А");
        Assert.Empty(RosterDiff.Compare(Current, without5A with { Coverage = RosterCoverage.Students | RosterCoverage.Parents }).Classes);
    }
}
