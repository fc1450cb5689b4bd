using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sferum.Common;
using Sferum.Incidents;
using Sferum.Schools;
using Sferum.Web.Identity;
using Sferum.Web.Localization;
using Sferum.Web.PersonalData;

namespace Sferum.Web.Pages.Schools.Incidents;

/// <summary>A school's personal-data incidents with their deadlines, and the form to register a suspected one.</summary>
[SchoolStaffOnly(OperatorsToo = true)]
public sealed class IndexModel(IClusterClient cluster, TimeProvider time, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["incident.description-invalid"] = "Input.Description",
        ["incident.subjects-invalid"] = "Input.DataSubjects",
        ["incident.count-invalid"] = "Input.PeopleCount",
        ["incident.detected-future"] = "Input.DetectedAt",
        ["incident.detected-too-old"] = "Input.DetectedAt",
        ["incident.text-too-long"] = "Input.Measures",
    };

    [FromRoute]
    public Guid SchoolId { get; set; }

    public string SchoolName { get; private set; } = "";

    public IReadOnlyList<IncidentSummary> Incidents { get; private set; } = [];

    public SchoolClock Clock { get; private set; } = null!;

    [BindProperty]
    public IncidentInput Input { get; set; } = new();

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input = new IncidentInput { IncidentId = Guid.NewGuid(), DetectedAt = Clock.Now(time) };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var view = await cluster.GetGrain<IIncidentGrain>(Input.IncidentId).RegisterAsync(User.GetUserId(), new IncidentDraft(SchoolId,
                Input.Description ?? "", Input.DataSubjects ?? "", Input.PeopleCount, Clock.FromInput(Input.DetectedAt!.Value), Input.Measures));
            TempData["Notice"] = localizer["Incidents.Registered", Clock.Format(view.FirstNoticeDue)].Value;
            return RedirectToPage("Details", new { SchoolId, view.IncidentId });
        }
        catch (DomainException ex) when (ex.Code != "forbidden")
        {
            DomainErrors.AddTo(ModelState, ex, Fields);
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        Incidents = await cluster.GetGrain<IIncidentListGrain>(0).ForSchoolAsync(User.GetUserId(), SchoolId);
        SchoolName = (await cluster.GetGrain<ISchoolGrain>(SchoolId).GetAsync())?.Name ?? "";
        Clock = await SchoolClocks.ForSchoolAsync(cluster, SchoolId);
    }

    public sealed class IncidentInput
    {
        /// <summary>Made when the form is shown: posting it twice registers one incident.</summary>
        public Guid IncidentId { get; set; }

        [Required(ErrorMessage = "Incidents.WhatRequired")]
        public string? Description { get; set; }

        [Required(ErrorMessage = "Incidents.WhoseRequired")]
        public string? DataSubjects { get; set; }

        [Range(1, 10_000_000, ErrorMessage = "Incidents.CountInvalid")]
        public int? PeopleCount { get; set; }

        [Required(ErrorMessage = "Incidents.DetectedRequired")]
        public DateTime? DetectedAt { get; set; }

        public string? Measures { get; set; }
    }
}
