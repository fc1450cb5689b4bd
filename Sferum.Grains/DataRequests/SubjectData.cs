using Sferum.Classes;
using Sferum.Identity;

namespace Sferum.DataRequests;

/// <summary>
/// What Sferum holds about one person in one school, for the answer to their access request: their own facts, and of
/// everything that involves other people (chats, children, parents) only counts.
/// </summary>
public sealed record SubjectData(
    UserProfile? Account,
    IReadOnlyList<SubjectRosterEntry> RosterEntries,
    IReadOnlyList<SubjectClass> Classes,
    int DirectChats,
    int GroupChats,
    int Communities,
    int Messages,
    int Files,
    int Materials,
    int ReportsFiled,
    int Sessions,
    int AuditEntries,
    int LinkedChildren,
    int LinkedRepresentatives);

/// <summary>The person's row in the school's roster, as the journal sent it.</summary>
public sealed record SubjectRosterEntry(
    string JournalId,
    int Role,
    PersonName Name,
    DateOnly? BirthDate,
    string? Snils,
    string? Email,
    string? Phone,
    string? Position,
    DateTimeOffset AddedAt,
    DateTimeOffset? RemovedAt);

/// <summary>A class the person is (or was) in and as what; <see cref="ByInvitation"/>: through a link, not the journal.</summary>
public sealed record SubjectClass(string ClassName, string AcademicYear, ClassRole Role, bool ByInvitation);
