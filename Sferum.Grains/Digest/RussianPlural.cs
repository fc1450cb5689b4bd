namespace Sferum.Digest;

/// <summary>Russian plural forms: 1 сообщение, 3 сообщения, 5 сообщений (and 11 сообщений, 21 сообщение, 22 сообщения).</summary>
public static class RussianPlural
{
    /// <summary>The form for <paramref name="n"/>: <paramref name="one"/> (1, 21), <paramref name="few"/> (2–4, 22–24), <paramref name="many"/> (0, 5–20, 25…).</summary>
    public static string Form(long n, string one, string few, string many)
    {
        var abs = Math.Abs(n);
        var lastTwo = abs % 100;
        var last = abs % 10;
        if (lastTwo is >= 11 and <= 14)
        {
            return many;
        }

        return last switch
        {
            1 => one,
            >= 2 and <= 4 => few,
            _ => many,
        };
    }

    /// <summary>"3 сообщения".</summary>
    public static string Count(long n, string one, string few, string many) => $"{n} {Form(n, one, few, many)}";

    public static string Messages(long n) => Count(n, "сообщение", "сообщения", "сообщений");

    public static string Chats(long n) => Count(n, "чат", "чата", "чатов");
}
