namespace Sferum.Schools;

[GenerateSerializer, Alias("Sferum.SchoolState")]
public sealed class SchoolState
{
    [Id(0)] public bool Created { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public string Region { get; set; } = "";
    [Id(3)] public string TimeZone { get; set; } = "";
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>OAuth client ids of journals allowed to push roster exports to this school.</summary>
    [Id(5)] public HashSet<string> JournalClients { get; set; } = [];

    [Id(6)] public SchoolChatPolicy ChatPolicy { get; set; } = SchoolChatPolicy.SchoolMode;
}
