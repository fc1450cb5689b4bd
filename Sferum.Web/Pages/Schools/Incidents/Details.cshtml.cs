using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sferum.Common;
using Sferum.Incidents;
using Sferum.Web.Identity;
using Sferum.Web.Localization;
using Sferum.Web.PersonalData;

namespace Sferum.Web.Pages.Schools.Incidents;

/// <summary>One incident: its deadlines, the drafts of both notices, marking them sent, what became known, closing.</summary>
[SchoolStaffOnly(OperatorsToo = true)]
public sealed class DetailsModel(IClusterClient cluster, TimeProvider time, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["incident.description-invalid"] = "Facts.Description",
        ["incident.subjects-invalid"] = "Facts.DataSubjects",
        ["incident.count-invalid"] = "Facts.PeopleCount",
        ["incident.text-too-long"] = "Facts.Measures",
        ["incident.sent-future"] = nameof(SentAt),
        ["incident.sent-before-detection"] = nameof(SentAt),
        ["incident.notice-already-sent"] = nameof(SentAt),
        ["incident.note-invalid"] = nameof(Note),
        ["incident.notices-pending"] = nameof(Note),
    };

    [FromRoute]
    public Guid SchoolId { get; set; }

    [FromRoute]
    public Guid IncidentId { get; set; }

    public IncidentView Incident { get; private set; } = null!;

    public SchoolClock Clock { get; private set; } = null!;

    [BindProperty]
    public FactsInput Facts { get; set; } = new();

    /// <summary>When a notice went to Roskomnadzor, in the school's time.</summary>
    [BindProperty]
    public DateTime? SentAt { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        var i = Incident;
        Facts = new FactsInput
        {
            Description = i.Description, DataSubjects = i.DataSubjects, PeopleCount = i.PeopleCount, Measures = i.Measures, Causes = i.Causes,
            Harm = i.Harm, Findings = i.Findings, Contact = i.Contact,
        };
        SentAt = Clock.Now(time);
    }

    public Task<IActionResult> OnPostFactsAsync() => RunAsync(async incident =>
    {
        await incident.UpdateAsync(User.GetUserId(), new IncidentUpdate(Facts.Description ?? "", Facts.DataSubjects ?? "", Facts.PeopleCount,
            Facts.Measures, Facts.Causes, Facts.Harm, Facts.Findings, Facts.Contact));
        Notice = localizer["Incident.FactsSaved"];
    });

    public Task<IActionResult> OnPostSentAsync(IncidentNotice notice) => RunAsync(async incident =>
    {
        if (SentAt is null)
        {
            throw DomainException.Localized("incident.sent-future", localizer["Incident.SentRequired"]);
        }

        var clock = await SchoolClocks.ForSchoolAsync(cluster, SchoolId);
        await incident.MarkNoticeSentAsync(User.GetUserId(), notice, clock.FromInput(SentAt.Value));
        Notice = notice == IncidentNotice.First ? localizer["Incident.FirstMarked"] : localizer["Incident.ResultsMarked"];
    });

    public Task<IActionResult> OnPostConfirmAsync() => RunAsync(async incident =>
    {
        await incident.ConfirmAsync(User.GetUserId());
        Notice = localizer["Incident.Confirmed"];
    });

    public Task<IActionResult> OnPostResolveAsync(bool dismissed) => RunAsync(async incident =>
    {
        await incident.ResolveAsync(User.GetUserId(), dismissed, Note ?? "");
        Notice = dismissed ? localizer["Incident.Dismissed"] : localizer["Incident.Closed"];
    });

    private async Task<IActionResult> RunAsync(Func<IIncidentGrain, Task> action)
    {
        try
        {
            await action(cluster.GetGrain<IIncidentGrain>(IncidentId));
            return RedirectToPage(new { SchoolId, IncidentId });
        }
        catch (DomainException ex) when (ex.Code != "forbidden" && ex.Code != "incident.unknown")
        {
            DomainErrors.AddTo(ModelState, ex, Fields);
            await LoadAsync();
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        Incident = await cluster.GetGrain<IIncidentGrain>(IncidentId).GetAsync(User.GetUserId());
        if (Incident.SchoolId != SchoolId)
        {
            // The same incident under another school's address: not found there.
            throw DomainException.Localized("incident.unknown", localizer["Incident.Unknown"]);
        }

        Clock = await SchoolClocks.ForSchoolAsync(cluster, SchoolId);
    }

    public sealed class FactsInput
    {
        public string? Description { get; set; }

        public string? DataSubjects { get; set; }

        public int? PeopleCount { get; set; }

        public string? Measures { get; set; }

        public string? Causes { get; set; }

        public string? Harm { get; set; }

        public string? Findings { get; set; }

        public string? Contact { get; set; }
    }
}
