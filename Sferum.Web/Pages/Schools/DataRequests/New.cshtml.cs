using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sferum.Common;
using Sferum.DataRequests;
using Sferum.Schools;
using Sferum.Web.Identity;
using Sferum.Web.Localization;
using Sferum.Web.PersonalData;

namespace Sferum.Web.Pages.Schools.DataRequests;

/// <summary>
/// Registers a request from a paper letter in two steps: find the person it is about (by name), then say who wrote
/// (the person or one of their parents), what they ask and when the letter arrived. The grain computes the due date.
/// </summary>
[SchoolStaffOnly]
public sealed class NewModel(IClusterClient cluster, TimeProvider time, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["request.kind-invalid"] = "Input.Kind",
        ["request.subject-invalid"] = "Input.Subject",
        ["request.representative-invalid"] = "Input.Representative",
        ["request.received-future"] = "Input.ReceivedOn",
        ["request.received-too-old"] = "Input.ReceivedOn",
        ["request.details-too-long"] = "Input.Details",
        ["person.query-invalid"] = "Query",
    };

    [FromRoute]
    public Guid SchoolId { get; set; }

    /// <summary>What the admin searched for.</summary>
    [FromQuery(Name = "q")]
    public string? Query { get; set; }

    /// <summary>The person chosen from the search.</summary>
    [FromQuery(Name = "subject")]
    public string? SubjectKey { get; set; }

    public string SchoolName { get; private set; } = "";

    public IReadOnlyList<PersonCandidate> Candidates { get; private set; } = [];

    public PersonChoice? Choice { get; private set; }

    [BindProperty]
    public RequestInput Input { get; set; } = new();

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input = new RequestInput
        {
            RequestId = Guid.NewGuid(),
            Subject = SubjectKey,
            ReceivedOn = (await SchoolClocks.ForSchoolAsync(cluster, SchoolId)).Date(time.GetUtcNow()),
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        SubjectKey = Input.Subject;
        if (ModelState.IsValid)
        {
            try
            {
                var registered = await cluster.GetGrain<IDataRequestsGrain>(SchoolId).RegisterAsync(User.GetUserId(), new DataRequestDraft(
                    Input.RequestId, Input.Kind!.Value, Input.Subject!, string.IsNullOrEmpty(Input.Representative) ? null : Input.Representative,
                    Input.ReceivedOn!.Value, Input.Details));
                TempData["Notice"] = localizer["Requests.Registered", SchoolClock.Format(registered.DueOn)].Value;
                return RedirectToPage("Details", new { SchoolId, registered.RequestId });
            }
            catch (DomainException ex) when (ex.Code != "forbidden")
            {
                DomainErrors.AddTo(ModelState, ex, Fields);
            }
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var requests = cluster.GetGrain<IDataRequestsGrain>(SchoolId);
        var userId = User.GetUserId();
        // Asked first, so that someone who may not see requests is refused before anything else is read.
        await requests.QueueAsync(userId, false);
        SchoolName = (await cluster.GetGrain<ISchoolGrain>(SchoolId).GetAsync())?.Name ?? "";
        if (!string.IsNullOrWhiteSpace(SubjectKey))
        {
            try
            {
                Choice = await requests.GetPersonAsync(userId, SubjectKey);
            }
            catch (DomainException ex) when (ex.Code == "person.unknown")
            {
                ModelState.AddModelError("Input.Subject", localizer["Requests.SubjectGone"]);
            }
        }
        else if (!string.IsNullOrWhiteSpace(Query))
        {
            try
            {
                Candidates = await requests.FindPeopleAsync(userId, Query);
            }
            catch (DomainException ex) when (ex.Code == "person.query-invalid")
            {
                DomainErrors.AddTo(ModelState, ex, Fields);
            }
        }
    }

    public sealed class RequestInput
    {
        /// <summary>Made when the form is shown: posting the same form twice registers one request.</summary>
        public Guid RequestId { get; set; }

        [Required(ErrorMessage = "Requests.KindRequired")]
        public DataRequestKind? Kind { get; set; }

        [Required(ErrorMessage = "Requests.SubjectRequired")]
        public string? Subject { get; set; }

        /// <summary>Empty: the person wrote themselves.</summary>
        public string? Representative { get; set; }

        [Required(ErrorMessage = "Requests.ReceivedRequired")]
        public DateOnly? ReceivedOn { get; set; }

        [StringLength(2000, ErrorMessage = "Requests.DetailsTooLong")]
        public string? Details { get; set; }
    }
}
