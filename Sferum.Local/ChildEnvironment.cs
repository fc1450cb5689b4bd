namespace Sferum.Local;

/// <summary>A child process's environment: what the caller gives, then what the service itself must have.</summary>
internal static class ChildEnvironment
{
    public static IReadOnlyDictionary<string, string> With(IReadOnlyDictionary<string, string>? given, params (string Key, string Value)[] own)
    {
        var all = new Dictionary<string, string>(given ?? new Dictionary<string, string>());
        foreach (var (key, value) in own)
        {
            all[key] = value;
        }

        return all;
    }
}
