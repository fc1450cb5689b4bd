namespace Sferum.Rosters;

/// <summary>How many items an import adds, changes and removes, per section.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.ImportCounts")]
public sealed record ImportCounts(
    [property: Id(0)] ChangeCount Classes,
    [property: Id(1)] ChangeCount People,
    [property: Id(2)] ChangeCount Enrollments,
    [property: Id(3)] ChangeCount Guardianships,
    [property: Id(4)] ChangeCount Teaching,
    [property: Id(5)] int Moves)
{
    public static ImportCounts None { get; } = new(ChangeCount.None, ChangeCount.None, ChangeCount.None, ChangeCount.None, ChangeCount.None, 0);

    public bool IsEmpty => Classes.Total + People.Total + Enrollments.Total + Guardianships.Total + Teaching.Total == 0;
}

[GenerateSerializer, Immutable, Alias("Sferum.ChangeCount")]
public sealed record ChangeCount(
    [property: Id(0)] int Added,
    [property: Id(1)] int Changed,
    [property: Id(2)] int Removed)
{
    public static ChangeCount None { get; } = new(0, 0, 0);

    public int Total => Added + Changed + Removed;
}
