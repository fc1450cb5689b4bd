namespace Sferum.DataRequests;

/// <summary>A person of a school as a request names them: a roster entry, a Sferum user, or both.</summary>
public sealed record SchoolPerson(string Key, Guid? UserId, string? JournalId, string Name, string Description)
{
    public PersonCandidate ToCandidate() => new(Key, Name, Description);
}
