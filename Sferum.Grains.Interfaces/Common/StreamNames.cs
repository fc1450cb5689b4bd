namespace Sferum.Common;

/// <summary>Orleans stream provider and namespace names, in one place for silos and web nodes.</summary>
public static class StreamNames
{
    /// <summary>The stream provider that carries chat events to the web nodes.</summary>
    public const string Provider = "chat";

    /// <summary>Namespace of per-chat streams: <c>StreamId.Create(StreamNames.Chat, chatId)</c>.</summary>
    public const string Chat = "chat";
}
