namespace Sferum.PersonalData;

/// <summary>
/// A school's retention: chat history older than <see cref="ChatYears"/> and files older than <see cref="FileYears"/>
/// are removed (null: kept while the school uses Sferum); pinned messages and the materials library may be kept.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.RetentionPolicy")]
public sealed record RetentionPolicy(
    [property: Id(0)] int? ChatYears,
    [property: Id(1)] int? FileYears,
    [property: Id(2)] bool KeepPinned = true,
    [property: Id(3)] bool KeepMaterials = true)
{
    public const int MaxYears = 50;

    public static readonly RetentionPolicy KeepEverything = new(null, null);
}
