namespace Sferum.Classes;

/// <summary>
/// A person in a class as other members see them: a name and a role, nothing more (the closed space's promise).
/// <see cref="UserId"/> is set once the person joined Sferum through the journal; <see cref="ChildOf"/> names the
/// children (in this class) of a parent; <see cref="Subjects"/> those a teacher teaches here.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.ClassMember")]
public sealed record ClassMember(
    [property: Id(0)] string JournalId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] ClassRole Role,
    [property: Id(3)] Guid? UserId,
    [property: Id(4)] IReadOnlyList<string> ChildOf,
    [property: Id(5)] IReadOnlyList<string> Subjects);
