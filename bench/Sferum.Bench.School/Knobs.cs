namespace Sferum.Bench;

/// <summary>
/// A bench's settings as the peer's harness takes them: environment variables (<c>ROOMS=100</c>), each overridden by
/// <c>--name value</c> on the command line. Names are compared without case, dashes or underscores
/// (<c>DB_OUTAGE</c> = <c>--db-outage</c>); the result is keyed by the upper-case name without them.
/// </summary>
public static class Knobs
{
    public static Dictionary<string, string> Read(IEnumerable<string> names, string[] args)
    {
        var values = new Dictionary<string, string>();
        foreach (var knob in names)
        {
            if (Environment.GetEnvironmentVariable(knob) is { Length: > 0 } value)
            {
                values[Key(knob)] = value;
            }
        }

        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected --name value, got '{args[i]}'.");
            }

            values[Key(args[i][2..])] = args[i + 1];
        }

        return values;
    }

    private static string Key(string name) => name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();
}
