namespace Sferum.Identity;

/// <summary>A pupil the identity provider names as the user's child, found on a school's roster, not yet linked.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.ProposedChild")]
public sealed record ProposedChild(
    [property: Id(0)] Guid ClassId,
    [property: Id(1)] string JournalId,
    [property: Id(2)] string ChildName,
    [property: Id(3)] string ClassName,
    [property: Id(4)] Guid SchoolId);
