namespace Sferum.PersonalData;

/// <summary>
/// Someone whose data a user may export: the user themselves, or a minor child the user is a parent of on a school's
/// roster (by the journal or by an invitation). A child is a roster entry; <see cref="UserId"/> is set when the child
/// has a Sferum account too.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.ExportablePerson")]
public sealed record ExportablePerson(
    [property: Id(0)] Guid? UserId,
    [property: Id(1)] Guid? SchoolId,
    [property: Id(2)] string? JournalId,
    [property: Id(3)] string Name,
    [property: Id(4)] bool IsSelf)
{
    /// <summary>A stable text key the page posts back ("self", or the school and journal id of a child).</summary>
    public string Key => IsSelf ? "self" : $"{SchoolId:N}:{JournalId}";
}
