using System.Text;
using System.Text.RegularExpressions;

namespace Sferum.Web.Tests.Localization;

/// <summary>
/// Every place the source makes a <c>DomainException</c> (<c>new DomainException(code, text, args…)</c>, with an
/// optional <c>{ Key = "…" }</c>, or <c>DomainException.Forbidden(key, text, args…)</c>), read as text: the code, the
/// resource key, the Russian composite format and how many arguments follow it. A site whose code, key or text is not
/// a literal (or a <c>const string</c>) is reported as unreadable, so no refusal escapes the resource check.
/// </summary>
public static partial class DomainExceptionSites
{
    public sealed record Site(string File, int Line, string Code, string Key, string Text, int ArgCount);

    public sealed record Unreadable(string File, int Line, string Call);

    public static (List<Site> Sites, List<Unreadable> Unreadable, int Localized) Read(string root, params string[] projects)
    {
        var files = projects.SelectMany(p => Directory.EnumerateFiles(Path.Combine(root, p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path: Path.GetRelativePath(root, f), Text: File.ReadAllText(f)))
            .ToList();
        var constants = files.SelectMany(f => Constant().Matches(f.Text))
            .GroupBy(m => m.Groups["name"].Value)
            .ToDictionary(g => g.Key, g => g.Select(m => Literal(m.Groups["value"].Value)).Distinct().ToList());

        var sites = new List<Site>();
        var unreadable = new List<Unreadable>();
        var localized = 0;
        foreach (var (path, text) in files)
        {
            // A member that returns a target-typed new(…) DomainException would hide a site from the pattern below
            // (the class's own factories, Forbidden and Localized, are the sites' patterns themselves).
            var own = Path.GetFileName(path) == "DomainException.cs";
            foreach (var hidden in own ? [] : TargetTypedNew().Matches(text).ToList())
            {
                unreadable.Add(new Unreadable(path, LineOf(text, hidden.Index), hidden.Value));
            }

            foreach (Match call in Call().Matches(text))
            {
                var line = LineOf(text, call.Index);
                var (args, end) = Arguments(text, call.Index + call.Length);
                if (call.Value.Contains("Localized", StringComparison.Ordinal))
                {
                    localized++;
                    continue;
                }

                var forbidden = call.Value.Contains("Forbidden", StringComparison.Ordinal);
                var keyInit = KeyInitializer().Match(text, end + 1);
                var code = forbidden ? "forbidden" : Value(args.ElementAtOrDefault(0), constants);
                var key = forbidden ? Value(args.ElementAtOrDefault(0), constants)
                    : keyInit.Success ? keyInit.Groups["key"].Value : code;
                var textArg = Value(args.ElementAtOrDefault(1), constants);
                if (args.Count < 2 || code is null || key is null || textArg is null)
                {
                    unreadable.Add(new Unreadable(path, line, text[call.Index..Math.Min(end + 1, text.Length)]));
                    continue;
                }

                sites.Add(new Site(path, line, code, key, textArg, args.Count - 2));
            }
        }

        return (sites, unreadable, localized);
    }

    /// <summary>The distinct placeholder numbers a composite format uses (<c>{0}</c>, <c>{1:N0}</c>), braces <c>{{</c> aside.</summary>
    public static IReadOnlyList<int> Placeholders(string format) =>
        Placeholder().Matches(format.Replace("{{", "", StringComparison.Ordinal).Replace("}}", "", StringComparison.Ordinal))
            .Select(m => int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order().ToList();

    private static string? Value(string? arg, Dictionary<string, List<string>> constants)
    {
        if (arg is null)
        {
            return null;
        }

        if (Concatenation().IsMatch(arg))
        {
            return string.Concat(StringLiteral().Matches(arg).Select(m => Literal(m.Value)));
        }

        // A constant, named alone or through its class: it must be a single literal somewhere in the scanned code.
        return Identifier().IsMatch(arg) && constants.TryGetValue(arg[(arg.LastIndexOf('.') + 1)..], out var values) && values.Count == 1
            ? values[0]
            : null;
    }

    private static string Literal(string quoted)
    {
        var body = quoted.Trim()[1..^1];
        var result = new StringBuilder();
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '\\' && i + 1 < body.Length)
            {
                i++;
                result.Append(body[i] switch { 'n' => '\n', 't' => '\t', _ => body[i] });
            }
            else
            {
                result.Append(body[i]);
            }
        }

        return result.ToString();
    }

    /// <summary>The top-level arguments of a call whose '(' ends at <paramref name="start"/>, and the index of its ')'.</summary>
    private static (List<string> Args, int End) Arguments(string text, int start)
    {
        var args = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'' || (c is '$' or '@' && i + 1 < text.Length && text[i + 1] is '"' or '$' or '@'))
            {
                var literalEnd = SkipLiteral(text, i);
                current.Append(text, i, literalEnd - i + 1);
                i = literalEnd;
                continue;
            }

            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                i = text.IndexOf('\n', i);
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                if (depth == 0)
                {
                    args.Add(current.ToString().Trim());
                    return (args.Where(a => a.Length > 0).ToList(), i);
                }

                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                args.Add(current.ToString().Trim());
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        throw new InvalidOperationException("Unclosed call");
    }

    /// <summary>The index of the closing quote of the string or char literal starting at <paramref name="i"/>.</summary>
    private static int SkipLiteral(string text, int i)
    {
        var prefix = i;
        while (text[prefix] is '$' or '@')
        {
            prefix++;
        }

        var verbatim = text[i..prefix].Contains('@', StringComparison.Ordinal);
        var interpolated = text[i..prefix].Contains('$', StringComparison.Ordinal);
        var quote = text[prefix];
        var holes = 0;
        for (var j = prefix + 1; j < text.Length; j++)
        {
            var c = text[j];
            if (!verbatim && c == '\\')
            {
                j++;
            }
            else if (interpolated && c == '{')
            {
                if (j + 1 < text.Length && text[j + 1] == '{')
                {
                    j++;
                }
                else
                {
                    holes++;
                }
            }
            else if (interpolated && c == '}' && holes > 0)
            {
                holes--;
            }
            else if (c == '"' && holes > 0)
            {
                j = SkipLiteral(text, j);
            }
            else if (c == quote && holes == 0)
            {
                if (verbatim && j + 1 < text.Length && text[j + 1] == '"')
                {
                    j++;
                    continue;
                }

                return j;
            }
        }

        throw new InvalidOperationException("Unclosed literal");
    }

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    [GeneratedRegex(@"new\s+(?:Common\.)?DomainException\(|DomainException\.(?:Forbidden|Localized)\(")]
    private static partial Regex Call();

    [GeneratedRegex(@"\bDomainException\s+\w+\([^)]*\)\s*=>\s*new\s*\(")]
    private static partial Regex TargetTypedNew();

    [GeneratedRegex(@"\G\s*\{\s*Key\s*=\s*""(?<key>[^""]+)""\s*\}")]
    private static partial Regex KeyInitializer();

    [GeneratedRegex(@"const\s+string\s+(?<name>\w+)\s*=\s*(?<value>""(?:[^""\\]|\\.)*"")\s*;")]
    private static partial Regex Constant();

    [GeneratedRegex(@"^\s*""(?:[^""\\]|\\.)*""(?:\s*\+\s*""(?:[^""\\]|\\.)*"")*\s*$")]
    private static partial Regex Concatenation();

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"^[A-Za-z_][\w.]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"\{(?<n>\d+)[^}]*\}")]
    private static partial Regex Placeholder();
}
