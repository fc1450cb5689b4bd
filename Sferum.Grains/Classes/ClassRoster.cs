namespace Sferum.Classes;

/// <summary>A class as loaded from the roster tables: its identity and its people (all roles).</summary>
public sealed record ClassRoster(
    Guid ClassId,
    Guid SchoolId,
    string Name,
    int Grade,
    string AcademicYear,
    Guid ClassChatId,
    Guid ParentsChatId,
    bool Removed,
    IReadOnlyList<ClassMember> Members);
