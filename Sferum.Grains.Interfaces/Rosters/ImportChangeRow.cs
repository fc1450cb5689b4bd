namespace Sferum.Rosters;

/// <summary>One line of the preview's change list: "Добавлен · Ученик · Иванов Иван Иванович (S000001) · 5А".</summary>
[GenerateSerializer, Immutable, Alias("Sferum.ImportChangeRow")]
public sealed record ImportChangeRow(
    [property: Id(0)] ImportSection Section,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Subject,
    [property: Id(3)] string Detail);

[GenerateSerializer, Alias("Sferum.ImportSection")]
public enum ImportSection
{
    Classes = 0,
    People = 1,
    Enrollments = 2,
    Guardianships = 3,
    Teaching = 4,
}
