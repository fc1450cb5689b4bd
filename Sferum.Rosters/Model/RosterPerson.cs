namespace Sferum.Rosters.Model;

/// <summary>
/// A person the journal knows. <see cref="JournalId"/> is the journal's own identifier ("Идентификатор", OneRoster
/// <c>identifier</c>, else its <c>sourcedId</c>) and is the key across imports: the same export in another format
/// yields the same ids. Values are normalised: SNILS as "XXX-XXX-XXX YY", phone as "+7XXXXXXXXXX", e-mail lower-case,
/// names trimmed with single spaces.
/// </summary>
/// <param name="Position">Staff only: "Учитель", "Директор", …</param>
/// <param name="IsSchoolAdministrator">Staff only: the journal marks them as administration (director, deputy;
/// OneRoster role <c>administrator</c>).</param>
public sealed record RosterPerson(
    string JournalId,
    RosterRole Role,
    string LastName,
    string FirstName,
    string? MiddleName,
    DateOnly? BirthDate,
    string? Snils,
    string? Email,
    string? Phone,
    string? Position,
    bool IsSchoolAdministrator);
