using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sferum.Audit;
using Sferum.Common;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages.Schools;

/// <summary>The school's audit log for its admins: filter by kind of action and period, page through, export as CSV.</summary>
public sealed class AuditModel(IClusterClient cluster, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [FromRoute]
    public Guid SchoolId { get; set; }

    [FromQuery(Name = "action")]
    public string? ActionFilter { get; set; }

    [FromQuery]
    public DateOnly? From { get; set; }

    [FromQuery]
    public DateOnly? To { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public AuditPage Entries { get; private set; } = new([], 0);

    /// <summary>The school's clock: entries are shown, exported and filtered by day on it.</summary>
    public SchoolClock Clock { get; private set; } = SchoolClock.Fallback;

    public const int PageSize = 50;

    public int Pages => Math.Max(1, (Entries.Total + PageSize - 1) / PageSize);

    /// <summary>The kinds of action an admin filters by (prefixes of the action codes), with their resource keys.</summary>
    public static IReadOnlyList<(string Code, string Key)> Kinds { get; } =
    [
        ("roster", "Audit.KindRoster"),
        ("invitation", "Audit.KindInvitation"),
        ("school", "Audit.KindSchool"),
        ("access.refused", "Audit.KindRefused"),
        ("session", "Audit.KindSession"),
        ("moderation", "Audit.KindModeration"),
        ("community", "Audit.KindCommunity"),
        ("consent", "Audit.KindConsent"),
        ("personal-data", "Audit.KindPersonalData"),
    ];

    public async Task OnGetAsync()
    {
        Clock = await SchoolClocks.ForSchoolAsync(cluster, SchoolId);
        Entries = await cluster.GetGrain<IAuditQueryGrain>(0).SearchAsync(User.GetUserId(), SchoolId, Query() with { Page = PageNumber, PageSize = PageSize });
    }

    /// <summary>A POST with the one-time code: a bulk export is not a link that a stolen session could simply follow.</summary>
    public async Task<IActionResult> OnPostCsvAsync(string? secondFactorCode)
    {
        IReadOnlyList<AuditRecord> entries;
        Clock = await SchoolClocks.ForSchoolAsync(cluster, SchoolId);
        try
        {
            entries = await cluster.GetGrain<IAuditQueryGrain>(0).ExportAsync(User.GetUserId(), SchoolId, Query(), secondFactorCode);
        }
        catch (DomainException ex) when (ex.Code.StartsWith("second-factor.", StringComparison.Ordinal))
        {
            ModelState.AddModelError("secondFactorCode", ErrorText.Of(ex));
            await OnGetAsync();
            return Page();
        }

        // Semicolons and a BOM: what Russian Excel opens correctly by a double click. The header is the page's language
        // (with the school's zone); the rows' actions and descriptions are as the audit log stored them.
        var csv = new StringBuilder(localizer["Audit.CsvHeader", Clock.ZoneId].Value).Append("\r\n");
        foreach (var e in entries)
        {
            csv.Append(Field(Clock.Format(e.At, "dd.MM.yyyy HH:mm:ss"))).Append(';')
                .Append(Field(e.Actor)).Append(';').Append(Field(e.Action)).Append(';').Append(Field(e.Summary)).Append("\r\n");
        }

        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"audit-{DateTime.UtcNow:yyyyMMdd}.csv");
    }

    public string PageLink(int page) =>
        $"?action={Uri.EscapeDataString(ActionFilter ?? "")}&from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&page={page}";

    private AuditQuery Query() => new(
        ActionFilter,
        From is { } from ? Clock.StartOf(from) : null,
        To is { } to ? Clock.StartOf(to.AddDays(1)) : null);

    // Formula characters are neutralised: an export opened in a spreadsheet must not run what someone typed.
    private static string Field(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0]))
        {
            value = "'" + value;
        }

        return "\"" + value.Replace("\"", "\"\"") + "\"";
    }
}
