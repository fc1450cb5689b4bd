namespace Sferum.Moderation;

/// <summary>What a moderator does about a report.</summary>
[GenerateSerializer, Alias("Sferum.ReportAction")]
public enum ReportAction
{
    /// <summary>Nothing wrong: the report is closed.</summary>
    Dismiss = 0,

    /// <summary>The message is hidden from everyone.</summary>
    Hide = 1,

    /// <summary>The author may not write in the chat for a while (the message is hidden too).</summary>
    Mute = 2,

    /// <summary>The author is removed from the chat (the message is hidden too).</summary>
    Remove = 3,
}
