namespace Sferum.Communities;

/// <summary>
/// A school's directory of communities (clubs, sections, teachers' methodical associations), keyed by the school id.
/// Staff see every community; a student sees those open to their grade, a parent those open to parents; anyone who
/// sees one may ask to join, and its leaders (and the school's admins) decide. Leaders appoint other leaders.
/// </summary>
[Alias("Sferum.ICommunityDirectoryGrain")]
public interface ICommunityDirectoryGrain : IGrainWithGuidKey
{
    [Alias("List")]
    Task<IReadOnlyList<CommunityCard>> ListAsync(Guid userId);

    /// <summary>A new community with the requester as its leader (staff and admins).</summary>
    [Alias("Create")]
    Task<Guid> CreateAsync(Guid userId, CommunitySettings settings);

    /// <summary>Changes the name, description and who finds it (its leaders).</summary>
    [Alias("Update")]
    Task UpdateAsync(Guid userId, Guid chatId, CommunitySettings settings);

    /// <summary>Asks to join a community the user can see; asking again while waiting changes nothing.</summary>
    [Alias("RequestJoin")]
    Task<CommunityStanding> RequestJoinAsync(Guid userId, Guid chatId, string? note);

    /// <summary>Waiting requests (its leaders and the school's admins).</summary>
    [Alias("Requests")]
    Task<IReadOnlyList<JoinRequest>> RequestsAsync(Guid userId, Guid chatId);

    /// <summary>Approves (the person joins the chat at once) or refuses a waiting request.</summary>
    [Alias("Decide")]
    Task DecideAsync(Guid userId, Guid chatId, Guid requesterId, bool approve);

    /// <summary>The members with who leads (its leaders and the school's admins).</summary>
    [Alias("Members")]
    Task<IReadOnlyList<CommunityMember>> MembersAsync(Guid userId, Guid chatId);

    /// <summary>Makes a member a leader of the community, or not (its leaders; the last leader stays).</summary>
    [Alias("SetAdmin")]
    Task SetAdminAsync(Guid userId, Guid chatId, Guid memberId, bool admin);
}
