namespace Sferum.Classes;

/// <summary>
/// One class of one academic year ("5А", 2026/2027), keyed by its id. Its roster comes from the journal imports
/// (PostgreSQL is the source of truth; the grain keeps the current view in memory). It owns two chats: the class chat
/// (teachers and students) and the parents' chat (teachers and parents).
/// </summary>
[Alias("Sferum.IClassGrain")]
public interface IClassGrain : IGrainWithGuidKey
{
    /// <summary>The class and its people, for a member of the class or an admin of its school; others are refused.</summary>
    [Alias("Get")]
    Task<ClassDetails> GetAsync(Guid requesterUserId);

    /// <summary>The roles a user has in this class (empty when none).</summary>
    [Alias("GetRoles")]
    Task<IReadOnlyList<ClassRole>> GetRolesAsync(Guid userId);

    /// <summary>Re-reads the class's roster after an import or after someone joined through the journal.</summary>
    [Alias("Refresh")]
    Task RefreshAsync();
}
