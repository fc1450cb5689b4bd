namespace Sferum.Invitations;

/// <summary>What an invitation lets a person into.</summary>
[GenerateSerializer, Alias("Sferum.InvitationTarget")]
public enum InvitationTarget
{
    /// <summary>A class's chat (students and teachers).</summary>
    ClassChat = 0,

    /// <summary>A class's parents' chat (parents of a named child, and teachers).</summary>
    ParentsChat = 1,

    Group = 2,
    Community = 3,
}
