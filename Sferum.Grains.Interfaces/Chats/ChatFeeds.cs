namespace Sferum.Chats;

/// <summary>How long a web node's registration for a chat's live events lasts, and how often nodes renew it.</summary>
public static class ChatFeeds
{
    public static readonly TimeSpan RenewEvery = TimeSpan.FromMinutes(1);

    /// <summary>Three renewals missed: the node is gone (its feeds also fail as soon as its connection does).</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(3);
}
