namespace Sferum.PersonalData;

/// <summary>
/// What an erasure found before destroying anything: the person's account (if any) and roster entries, the name forms
/// to take out of every copy, what the act will say (name, who they were, categories), and the grains that cache them.
/// </summary>
public sealed record ErasureTarget(
    Guid? UserId,
    IReadOnlyList<(Guid SchoolId, string JournalId)> RosterEntries,
    IReadOnlyList<Guid> Schools,
    IReadOnlyList<string> Names,
    string PersonName,
    string Role,
    IReadOnlyList<string> Categories,
    IReadOnlyList<Guid> Chats,
    IReadOnlyList<Guid> Meetings,
    IReadOnlyList<Guid> Classes,
    IReadOnlyList<Guid> Polls,
    IReadOnlyList<Guid> Invitations);
