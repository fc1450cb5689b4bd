namespace Sferum.Chats;

[GenerateSerializer, Alias("Sferum.ChatKind")]
public enum ChatKind
{
    /// <summary>A class's teachers and students.</summary>
    Class = 0,

    /// <summary>A class's teachers and the students' parents.</summary>
    Parents = 1,

    Direct = 2,
    Group = 3,
    Channel = 4,
    Community = 5,
}
