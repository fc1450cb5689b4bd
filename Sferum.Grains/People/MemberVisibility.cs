using Sferum.Identity;

namespace Sferum.People;

/// <summary>
/// The rule for what one member sees of another, kept apart from the database so it can be read (and tested) alone.
/// A school is shown when the viewer administers it, or shares a class or a chat in it with the person; a non-admin
/// sees only the classes they share (a parent of 5А learns nothing about the family's other children); contact data
/// only for an admin. Null means the viewer may see nothing.
/// </summary>
public static class MemberVisibility
{
    public static MemberProfile? Compose(
        UserProfile person, Guid viewerUserId, MemberRelations.Relations r, IReadOnlyDictionary<Guid, string> schoolNames)
    {
        var self = person.UserId == viewerUserId;
        var schools = r.PersonClasses.Select(c => c.SchoolId)
            .Concat(r.PersonRosterEntries.Select(e => e.SchoolId))
            .Concat(r.PersonAdminSchools)
            .Concat(r.SharedChatSchools)
            .Distinct();

        var standings = new List<MemberStanding>();
        var administered = new HashSet<Guid>();
        foreach (var school in schools)
        {
            var admin = self || r.ViewerAdminSchools.Contains(school);
            var classes = r.PersonClasses.Where(c => c.SchoolId == school && (admin || r.ViewerClasses.Contains(c.ClassId)))
                .Select(c => new MemberClass(c.ClassId, c.ClassName, c.Role))
                .OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Role)
                .ToList();
            if (!admin && classes.Count == 0 && !r.SharedChatSchools.Contains(school))
            {
                continue;
            }

            if (admin)
            {
                administered.Add(school);
            }

            var staffEntry = r.PersonRosterEntries.FirstOrDefault(e => e.SchoolId == school && e.IsStaff);
            var isStaff = staffEntry.IsStaff || r.PersonClasses.Any(c => c.SchoolId == school && c.Role >= Classes.ClassRole.Teacher);
            standings.Add(new MemberStanding(school, schoolNames.GetValueOrDefault(school, ""), r.PersonAdminSchools.Contains(school),
                isStaff, staffEntry.Position, classes));
        }

        if (standings.Count == 0 && !self)
        {
            return null;
        }

        // The birth date is the journal's, and only from a school whose admin is looking.
        var birthDate = r.PersonRosterEntries.Where(e => administered.Contains(e.SchoolId)).Select(e => e.BirthDate)
            .FirstOrDefault(d => d is not null);
        return new MemberProfile(person.UserId, person.Name, standings.OrderBy(s => s.SchoolName, StringComparer.Ordinal).ToList(),
            self || administered.Count > 0 ? new MemberContact(person.Snils, person.Email, person.Phone, birthDate) : null);
    }
}
