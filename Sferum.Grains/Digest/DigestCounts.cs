using Sferum.Common;

namespace Sferum.Digest;

/// <summary>The counts a digest letter names: «3 сообщения», «21 чат» (the forms by <see cref="RussianPlural"/>).</summary>
public static class DigestCounts
{
    public static string Messages(long n) => $"{n} {RussianPlural.Choose(n, "сообщение", "сообщения", "сообщений")}";

    public static string Chats(long n) => $"{n} {RussianPlural.Choose(n, "чат", "чата", "чатов")}";
}
