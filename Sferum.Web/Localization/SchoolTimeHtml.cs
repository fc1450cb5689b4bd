using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Sferum.Common;

namespace Sferum.Web.Localization;

/// <summary>
/// The one way a page shows an instant: <c>@Html.SchoolTime(at, clock)</c> renders
/// <c>&lt;time datetime="…Z" title="Asia/Vladivostok, UTC+10:00"&gt;04.12.2026 19:15&lt;/time&gt;</c> — the school's
/// wall clock, the exact instant for machines and the zone for a reader who hovers.
/// </summary>
public static class SchoolTimeHtml
{
    public static IHtmlContent SchoolTime(this IHtmlHelper html, DateTimeOffset at, SchoolClock clock, string format = SchoolClock.DisplayFormat)
    {
        ArgumentNullException.ThrowIfNull(html);
        var time = new TagBuilder("time");
        time.Attributes["datetime"] = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        time.Attributes["title"] = clock.Describe(at);
        time.InnerHtml.Append(clock.Format(at, format));
        return time;
    }
}
