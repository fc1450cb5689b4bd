using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sferum.Common;
using Sferum.Classes;
using Sferum.Identity;
using Sferum.Notices;
using Sferum.Schools;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages;

public sealed class IndexModel(IClusterClient cluster, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<SchoolSummary> AdministeredSchools { get; private set; } = [];

    /// <summary>The person's school's clock: reminders are dated on it.</summary>
    public SchoolClock Clock { get; private set; } = SchoolClock.Fallback;

    public IReadOnlyList<ClassDetails> Classes { get; private set; } = [];

    /// <summary>Where the journal put the user at this sign-in, with their role there (shown once).</summary>
    public IReadOnlyList<(string ClassName, string Role)> JustJoined { get; private set; } = [];

    /// <summary>Children the provider names and the journal does not link to this person yet.</summary>
    public IReadOnlyList<ProposedChild> ProposedChildren { get; private set; } = [];

    /// <summary>In-app notices to staff (an incident's deadlines), until dismissed.</summary>
    public IReadOnlyList<StaffNotice> StaffNotices { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnPostDismissNoticeAsync(Guid noticeId)
    {
        await cluster.GetGrain<IStaffNoticesGrain>(User.GetUserId()).DismissAsync(User.GetUserId(), noticeId);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostConfirmChildAsync(Guid classId, string journalId)
    {
        try
        {
            await cluster.GetGrain<IUserGrain>(User.GetUserId()).ConfirmChildAsync(classId, journalId);
            Notice = localizer["Index.ChildConfirmed"];
            return RedirectToPage();
        }
        catch (DomainException ex) when (ex.Code != "forbidden")
        {
            ModelState.AddModelError(string.Empty, ErrorText.Of(ex));
            await OnGetAsync();
            return Page();
        }
    }

    /// <summary>The resource key naming a role in a class.</summary>
    public static string RoleKey(ClassRole role) => role switch
    {
        ClassRole.Student => "Role.Student",
        ClassRole.Parent => "Role.Parent",
        ClassRole.HomeroomTeacher => "Role.HomeroomTeacher",
        _ => "Role.Teacher",
    };

    public async Task OnGetAsync()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var userId = User.GetUserId();
        var user = cluster.GetGrain<IUserGrain>(userId);
        AdministeredSchools = await user.GetAdministeredSchoolsAsync();
        Clock = await SchoolClocks.ForPersonAsync(cluster, userId);
        var classIds = await user.GetClassIdsAsync();
        var classes = await Task.WhenAll(classIds.Select(id => cluster.GetGrain<IClassGrain>(id).GetAsync(userId)));
        Classes = classes.OrderBy(c => c.Grade).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        ProposedChildren = await user.GetProposedChildrenAsync();
        StaffNotices = await cluster.GetGrain<IStaffNoticesGrain>(userId).ListAsync(userId);
        var joined = (await user.TakeRecentlyJoinedClassesAsync()).ToHashSet();
        JustJoined = Classes.Where(c => joined.Contains(c.ClassId))
            .Select(c => (c.Name, string.Join(", ", c.Members.Where(m => m.UserId == userId).Select(m => localizer[RoleKey(m.Role)].Value).Distinct())))
            .ToList();
    }
}
