using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.Common;
using Sferum.Classes;
using Sferum.Identity;
using Sferum.Notices;
using Sferum.Schools;
using Sferum.Web.Identity;

namespace Sferum.Web.Pages;

public sealed class IndexModel(IClusterClient cluster) : PageModel
{
    public IReadOnlyList<SchoolSummary> AdministeredSchools { get; private set; } = [];

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
            Notice = "Готово: вы в чате родителей класса вашего ребёнка.";
            return RedirectToPage();
        }
        catch (DomainException ex) when (ex.Code != "forbidden")
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            await OnGetAsync();
            return Page();
        }
    }

    public static string RoleText(ClassRole role) => role switch
    {
        ClassRole.Student => "ученик",
        ClassRole.Parent => "родитель",
        ClassRole.HomeroomTeacher => "классный руководитель",
        _ => "учитель",
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
        var classIds = await user.GetClassIdsAsync();
        var classes = await Task.WhenAll(classIds.Select(id => cluster.GetGrain<IClassGrain>(id).GetAsync(userId)));
        Classes = classes.OrderBy(c => c.Grade).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        ProposedChildren = await user.GetProposedChildrenAsync();
        StaffNotices = await cluster.GetGrain<IStaffNoticesGrain>(userId).ListAsync(userId);
        var joined = (await user.TakeRecentlyJoinedClassesAsync()).ToHashSet();
        JustJoined = Classes.Where(c => joined.Contains(c.ClassId))
            .Select(c => (c.Name, string.Join(", ", c.Members.Where(m => m.UserId == userId).Select(m => RoleText(m.Role)).Distinct())))
            .ToList();
    }
}
