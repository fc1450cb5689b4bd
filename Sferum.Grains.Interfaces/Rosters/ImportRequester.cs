namespace Sferum.Rosters;

/// <summary>
/// Who asks for an import: a signed-in user (a school admin, from the portal) or a journal's machine client (the push
/// API, authenticated by OAuth client credentials). Exactly one is set.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.ImportRequester")]
public sealed record ImportRequester(
    [property: Id(0)] Guid? UserId,
    [property: Id(1)] string? JournalClientId)
{
    public static ImportRequester User(Guid userId) => new(userId, null);

    public static ImportRequester Journal(string clientId) => new(null, clientId);

    public override string ToString() => UserId is { } id ? $"user {id}" : $"journal client {JournalClientId}";
}
