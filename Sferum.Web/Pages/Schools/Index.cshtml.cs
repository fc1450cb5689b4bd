using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sferum.Common;
using Sferum.Identity;
using Sferum.Rosters;
using Sferum.Schools;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages.Schools;

/// <summary>A school's page for its admins: classes, admins, connected journals and the import history.</summary>
public sealed class IndexModel(IClusterClient cluster, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [FromRoute]
    public Guid SchoolId { get; set; }

    public SchoolOverview School { get; private set; } = null!;

    public IReadOnlyList<ImportReport> Imports { get; private set; } = [];

    [BindProperty]
    public AdminInput Admin { get; set; } = new();

    [BindProperty]
    public string? JournalClientId { get; set; }

    /// <summary>The one-time code that confirms a role change (school admins; platform operators are not asked).</summary>
    [BindProperty]
    public string? SecondFactorCode { get; set; }

    public bool ViewerIsOperator => User.HasClaim(SferumClaims.PlatformOperator, "true");

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAppointAsync()
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        return await RunAsync(async school =>
        {
            var admin = await school.AppointAdminAsync(User.GetUserId(), Admin.Snils!, new PersonName(Admin.LastName!, Admin.FirstName!, Admin.MiddleName),
                SecondFactorCode);
            Notice = localizer["School.AdminAppointed", admin.Name.FullName];
        });
    }

    public Task<IActionResult> OnPostRemoveAdminAsync(string snils) =>
        RunAsync(async school =>
        {
            await school.RemoveAdminAsync(User.GetUserId(), snils, SecondFactorCode);
            Notice = localizer["School.AdminRemoved"];
        });

    public Task<IActionResult> OnPostJournalAsync(bool allowed) =>
        RunAsync(async school =>
        {
            await school.SetJournalClientAsync(User.GetUserId(), JournalClientId ?? "", allowed);
            Notice = localizer[allowed ? "School.JournalConnected" : "School.JournalDisconnected", JournalClientId ?? ""];
        });

    public Task<IActionResult> OnPostPolicyAsync(bool studentsMayWriteToClassmates, bool parentsMayWriteToParents, bool simplifiedAccountsMayJoin,
        int? maxParentsPerStudent, bool quietHoursOff, string? quietFrom, string? quietTo) =>
        RunAsync(async school =>
        {
            // A time left out keeps the current one; an unreadable one goes on as -1, for the school grain to refuse by its rule.
            var current = await school.GetQuietHoursAsync();
            await school.SetChatPolicyAsync(User.GetUserId(), new SchoolChatPolicy(studentsMayWriteToClassmates, parentsMayWriteToParents,
                simplifiedAccountsMayJoin, maxParentsPerStudent ?? SchoolChatPolicy.DefaultMaxParentsPerStudent, quietHoursOff,
                Clock(quietFrom, current.StartMinute), Clock(quietTo, current.EndMinute)));
            Notice = localizer["School.RulesSaved"];
        });

    public QuietHours QuietHours { get; private set; } = null!;

    /// <summary>Opens the school's channel (created on first use by an admin).</summary>
    public async Task<IActionResult> OnPostChannelAsync() =>
        Redirect($"/Chats/{await cluster.GetGrain<Sferum.Chats.ISchoolChatsGrain>(SchoolId).GetChannelAsync(User.GetUserId())}");

    private static int Clock(string? text, int current) => string.IsNullOrWhiteSpace(text) ? current : QuietHours.ParseClock(text) ?? -1;

    private async Task<IActionResult> RunAsync(Func<ISchoolGrain, Task> action)
    {
        try
        {
            await action(cluster.GetGrain<ISchoolGrain>(SchoolId));
            return RedirectToPage(new { SchoolId });
        }
        catch (DomainException ex) when (ex.Code != "forbidden")
        {
            ModelState.AddModelError(string.Empty, ErrorText.Of(ex));
            await LoadAsync();
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        var userId = User.GetUserId();
        School = await cluster.GetGrain<ISchoolGrain>(SchoolId).GetOverviewAsync(userId);
        QuietHours = await cluster.GetGrain<ISchoolGrain>(SchoolId).GetQuietHoursAsync();
        Imports = await cluster.GetGrain<IRosterImportGrain>(SchoolId).ListAsync(ImportRequester.User(userId), 20);
        foreach (var id in Imports.Select(i => i.CreatedByUserId).OfType<Guid>().Distinct())
        {
            Authors[id] = (await cluster.GetGrain<IUserGrain>(id).GetProfileAsync())?.Name.FullName ?? "—";
        }
    }

    /// <summary>Names of the admins who uploaded the listed imports.</summary>
    public Dictionary<Guid, string> Authors { get; } = [];

    public string Author(ImportReport report) => report.CreatedByUserId is { } id
        ? Authors.GetValueOrDefault(id, "—")
        : localizer["School.ByJournal", report.CreatedByClient ?? ""];

    public sealed class AdminInput
    {
        [Required(ErrorMessage = "School.SnilsRequired")]
        public string? Snils { get; set; }

        [Required(ErrorMessage = "School.LastNameRequired"), StringLength(100)]
        public string? LastName { get; set; }

        [Required(ErrorMessage = "School.FirstNameRequired"), StringLength(100)]
        public string? FirstName { get; set; }

        [StringLength(100)]
        public string? MiddleName { get; set; }
    }
}
