namespace Sferum.Chats;

/// <summary>
/// Direct and group chats of one school (keyed by the school id), created under the school's rules: staff may write to
/// anyone in the school and create groups; a student may write only to the teachers of their own classes, a parent only
/// to the teachers of their children's classes; students never create chats; nobody outside the school is reachable.
/// </summary>
[Alias("Sferum.ISchoolChatsGrain")]
public interface ISchoolChatsGrain : IGrainWithGuidKey
{
    /// <summary>The direct chat of the two people (the same one every time), created on first use.</summary>
    [Alias("OpenDirect")]
    Task<Guid> OpenDirectAsync(Guid requesterUserId, Guid otherUserId);

    /// <summary>A new group chat with the requester as its moderator.</summary>
    [Alias("CreateGroup")]
    Task<Guid> CreateGroupAsync(Guid requesterUserId, string title, IReadOnlyList<Guid> memberUserIds);

    /// <summary>
    /// A new community (a club, a section, a teachers' association) with the requester as its leader; members join by
    /// invitation. Staff and admins only.
    /// </summary>
    [Alias("CreateCommunity")]
    Task<Guid> CreateCommunityAsync(Guid requesterUserId, string title);

    /// <summary>True for the school's staff and admins: they create groups and communities.</summary>
    [Alias("IsStaff")]
    Task<bool> IsStaffAsync(Guid userId);

    /// <summary>The school's channel (created on first use): everyone in the school reads it; admins and appointed authors write.</summary>
    [Alias("GetChannel")]
    Task<Guid> GetChannelAsync(Guid requesterUserId);

    /// <summary>Appoints (or removes) a channel author; school admins only, confirmed with a one-time code.</summary>
    [Alias("SetChannelAuthor")]
    Task SetChannelAuthorAsync(Guid requesterUserId, Guid authorUserId, bool author, string? secondFactorCode = null);

    /// <summary>Someone joined or left the school: the channel re-reads its readers (soon, once for a burst of changes).</summary>
    [Alias("RefreshChannel")]
    Task RefreshChannelAsync();

    /// <summary>Leaves a group chat or a community (a direct chat cannot be left, only muted later).</summary>
    [Alias("Leave")]
    Task LeaveAsync(Guid userId, Guid chatId);
}
