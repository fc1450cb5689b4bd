namespace Sferum.Schools;

/// <summary>What a school's admins see on the school's page.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.SchoolOverview")]
public sealed record SchoolOverview(
    [property: Id(0)] SchoolSummary School,
    [property: Id(1)] IReadOnlyList<SchoolAdmin> Admins,
    [property: Id(2)] IReadOnlyList<SchoolClass> Classes,
    [property: Id(3)] IReadOnlyList<string> JournalClients,
    [property: Id(4)] SchoolChatPolicy ChatPolicy);
