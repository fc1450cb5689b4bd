namespace Sferum.Rosters.Model;

/// <summary>What a person is to the school, as the journal says.</summary>
public enum RosterRole
{
    Student = 0,
    Parent = 1,
    Staff = 2,
}
