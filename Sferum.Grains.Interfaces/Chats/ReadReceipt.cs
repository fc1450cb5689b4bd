namespace Sferum.Chats;

/// <summary>"Прочитали 12 из 25": how many members (other than the author) have read up to a message.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.ReadReceipt")]
public sealed record ReadReceipt(
    [property: Id(0)] long Seq,
    [property: Id(1)] int ReadBy,
    [property: Id(2)] int Of);
