namespace Sferum.Chats;

/// <summary>Configuration section <c>Sferum:Chats</c>.</summary>
public sealed class ChatOptions
{
    public const string Section = "Sferum:Chats";

    public int MaxMessageLength { get; set; } = 4000;

    /// <summary>At most this many messages per user and chat in <see cref="RateLimitWindowSeconds"/>.</summary>
    public int RateLimitCount { get; set; } = 20;

    public int RateLimitWindowSeconds { get; set; } = 10;

    /// <summary>How long a chat trusts the quiet hours it read from its school before reading them again.</summary>
    public int QuietHoursRefreshSeconds { get; set; } = 60;
}
