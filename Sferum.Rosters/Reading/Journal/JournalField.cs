namespace Sferum.Rosters.Reading.Journal;

/// <summary>The columns Sferum understands in a journal's students, parents and staff files.</summary>
public enum JournalField
{
    RowNumber,
    LastName,
    FirstName,
    MiddleName,
    FullName,
    BirthDate,
    Class,
    Snils,
    Id,
    Relation,
    ChildName,
    ChildClass,
    ChildId,
    Phone,
    Email,
    Position,
    Homeroom,
    Subjects,
    Classes,
}
