namespace Sferum.Common;

/// <summary>The three forms a Russian noun takes after a number: 1 сообщение, 3 сообщения, 5 сообщений.</summary>
public enum PluralForm
{
    /// <summary>1, 21, 101, 1001: «сообщение».</summary>
    One,

    /// <summary>2–4, 22–24, 102–104: «сообщения».</summary>
    Few,

    /// <summary>0, 5–20, 25–30, 111–114: «сообщений».</summary>
    Many,
}

/// <summary>Chooses the form of a Russian noun for a count (negative counts by their absolute value).</summary>
public static class RussianPlural
{
    public static PluralForm FormOf(long count)
    {
        // The absolute value without overflow at long.MinValue.
        var n = count < 0 ? (ulong)(-(count + 1)) + 1 : (ulong)count;
        if (n % 100 is >= 11 and <= 14)
        {
            return PluralForm.Many;
        }

        return (n % 10) switch
        {
            1 => PluralForm.One,
            2 or 3 or 4 => PluralForm.Few,
            _ => PluralForm.Many,
        };
    }

    /// <summary>The form for <paramref name="count"/>: <c>Choose(3, "участник", "участника", "участников")</c> is «участника».</summary>
    public static string Choose(long count, string one, string few, string many) => FormOf(count) switch
    {
        PluralForm.One => one,
        PluralForm.Few => few,
        _ => many,
    };
}
