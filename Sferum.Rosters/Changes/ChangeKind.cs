namespace Sferum.Rosters.Changes;

public enum ChangeKind
{
    Added = 0,
    Changed = 1,
    Removed = 2,
}
