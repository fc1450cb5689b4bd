using Microsoft.AspNetCore.Html;

namespace Sferum.Web.People;

/// <summary>A person's name that opens their profile when they use Sferum (roster entries without an account are plain text).</summary>
public static class PersonLink
{
    // The name is appended as text, so the page's own encoder escapes it (and keeps Cyrillic readable).
    public static IHtmlContent To(string name, Guid? userId) => userId is { } id
        ? new HtmlContentBuilder().AppendHtml($"<a class=\"person\" href=\"/People/{id}\">").Append(name).AppendHtml("</a>")
        : new HtmlContentBuilder().Append(name);
}
