namespace Sferum.Chats;

/// <summary>A message to send. <see cref="ClientId"/> is made by the sender's device: a retry with the same id returns
/// the message already stored instead of a second copy.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.SendMessage")]
public sealed record SendMessage(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string Text,
    [property: Id(2)] long? ReplyTo,
    [property: Id(3)] IReadOnlyList<ChatAttachment>? Attachments = null);
