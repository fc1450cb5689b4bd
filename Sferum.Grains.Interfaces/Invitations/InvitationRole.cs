namespace Sferum.Invitations;

/// <summary>The role a person gets by following an invitation. Values match <c>ClassRole</c> where they overlap.</summary>
[GenerateSerializer, Alias("Sferum.InvitationRole")]
public enum InvitationRole
{
    Student = 0,
    Parent = 1,
    Teacher = 2,

    /// <summary>A member of a group or community.</summary>
    Member = 4,
}
