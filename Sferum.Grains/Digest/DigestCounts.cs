using Sferum.Localization;

namespace Sferum.Digest;

/// <summary>The counts a digest letter names: «3 сообщения», «21 чат» (the forms in GrainTexts.resx, picked by the Russian rule).</summary>
public static class DigestCounts
{
    public static string Messages(long n) => GrainTexts.Plural("Digest.Messages", n);

    public static string Chats(long n) => GrainTexts.Plural("Digest.Chats", n);
}
