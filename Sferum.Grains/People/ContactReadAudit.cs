using Sferum.Audit;

namespace Sferum.People;

/// <summary>
/// The trace a staff member's look at someone's protected fields leaves (152-FZ, issue 12): one entry in the audit log
/// of each school whose admin rights showed them, naming the viewer, the person (subject) and which fields were shown —
/// never their values, and not the person's name either, which must stay erasable while the log may not change.
/// The client address comes with the call (<see cref="AuditCallContext"/>).
/// </summary>
public sealed class ContactReadAudit(AuditLog audit)
{
    public const string Action = "person.contact-viewed";

    public async Task WriteAsync(Guid viewerUserId, MemberProfile profile, IReadOnlySet<Guid> viewerAdminSchools)
    {
        if (profile.Contact is not { } contact || profile.UserId == viewerUserId)
        {
            return;
        }

        var fields = new List<string>();
        var labels = new List<string>();
        Add(contact.Snils, "snils", "СНИЛС");
        Add(contact.Email, "email", "эл. почта");
        Add(contact.Phone, "phone", "телефон");
        Add(contact.BirthDate, "birth_date", "дата рождения");
        var summary = labels.Count == 0
            ? "Просмотрены контактные данные человека (все поля пусты)"
            : $"Просмотрены контактные данные человека: {string.Join(", ", labels)}";
        foreach (var school in profile.Schools.Select(s => s.SchoolId).Where(viewerAdminSchools.Contains).Distinct())
        {
            await audit.WriteAsync(new AuditEntry(school, viewerUserId, null, Action, summary,
                new Dictionary<string, object?> { ["fields"] = fields }, SubjectUserId: profile.UserId));
        }

        void Add(object? value, string field, string label)
        {
            if (value is not null)
            {
                fields.Add(field);
                labels.Add(label);
            }
        }
    }
}
