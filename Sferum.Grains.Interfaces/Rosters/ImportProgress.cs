namespace Sferum.Rosters;

/// <summary>Where a running import is: a stage for people ("Запись изменений") and a fraction for the bar.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.ImportProgress")]
public sealed record ImportProgress(
    [property: Id(0)] string Stage,
    [property: Id(1)] double Fraction);
