using System.Text;

namespace Sferum.Web.Tests.Localization;

/// <summary>A script's text without its comments (<c>//</c> and <c>/* */</c>), strings and template literals kept whole.</summary>
internal static class ScriptSource
{
    public static string WithoutComments(string script)
    {
        var result = new StringBuilder(script.Length);
        char? quote = null; // inside '…', "…" or `…`
        for (var i = 0; i < script.Length; i++)
        {
            var c = script[i];
            var next = i + 1 < script.Length ? script[i + 1] : '\0';
            if (quote is not null)
            {
                result.Append(c);
                if (c == '\\' && i + 1 < script.Length)
                {
                    result.Append(next);
                    i++;
                }
                else if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c == '/' && next == '/')
            {
                while (i < script.Length && script[i] != '\n')
                {
                    i++;
                }

                result.Append('\n'); // line numbers stay as they were
            }
            else if (c == '/' && next == '*')
            {
                var end = script.IndexOf("*/", i + 2, StringComparison.Ordinal);
                var comment = end < 0 ? script[i..] : script[i..(end + 2)];
                result.Append('\n', comment.Count(ch => ch == '\n'));
                i += comment.Length - 1;
            }
            else
            {
                if (c is '"' or '\'' or '`')
                {
                    quote = c;
                }

                result.Append(c);
            }
        }

        return result.ToString();
    }
}
