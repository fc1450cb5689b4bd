using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sferum.Chats;
using Sferum.Classes;
using Sferum.Common;
using Sferum.Consents;
using Sferum.Invitations;
using Sferum.Schools;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages.Classes;

/// <summary>
/// A class: its teachers, students and parents, by name and role only. For members and school admins. From here people
/// write to each other (within the school's rules) and teachers create group chats.
/// </summary>
public sealed class IndexModel(IClusterClient cluster, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [FromRoute]
    public Guid ClassId { get; set; }

    public ClassDetails Class { get; private set; } = null!;

    public Guid Me { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Phone numbers people consented to show the class's teachers; null until a teacher asks (each look is audited).</summary>
    public IReadOnlyList<ConsentedPhone>? Phones { get; private set; }

    public async Task OnGetPhonesAsync()
    {
        await LoadAsync();
        Phones = await cluster.GetGrain<ISchoolConsentsGrain>(Class.SchoolId).GetClassPhonesAsync(Me, ClassId);
    }

    public IEnumerable<ClassMember> Teachers => Class.Members.Where(m => m.Role is ClassRole.Teacher or ClassRole.HomeroomTeacher);

    public IEnumerable<ClassMember> Students => Class.Members.Where(m => m.Role == ClassRole.Student);

    public IEnumerable<ClassMember> ParentsOf(string studentId) =>
        Class.Members.Where(m => m.Role == ClassRole.Parent && m.ChildOf.Contains(studentId));

    /// <summary>Teachers write to anyone here; students and parents to the class's teachers (the grain decides).</summary>
    /// <summary>School admins may read the class's chats for safety (each read audited).</summary>
    public bool IAmSchoolAdmin { get; private set; }

    public bool IAmTeacher => Class.Members.Any(m => m.UserId == Me && m.Role is ClassRole.Teacher or ClassRole.HomeroomTeacher);

    /// <summary>For the school's admins: a link to the person's data (correction, erasure); nothing for anyone else.</summary>
    public Microsoft.AspNetCore.Html.IHtmlContent DataLink(ClassMember member) => IAmSchoolAdmin
        ? new Microsoft.AspNetCore.Html.HtmlString(
            $" <a class=\"person-data\" href=\"/Schools/{Class.SchoolId}/PersonalData/Person?member={Uri.EscapeDataString(member.JournalId)}\">{localizer["Class.DataLink"]}</a>")
        : Microsoft.AspNetCore.Html.HtmlString.Empty;

    public bool CanWriteTo(ClassMember member) =>
        member.UserId is { } id && id != Me
        && (IAmTeacher || member.Role is ClassRole.Teacher or ClassRole.HomeroomTeacher
            || (Policy.StudentsMayWriteToClassmates && member.Role == ClassRole.Student && Has(ClassRole.Student))
            || (Policy.ParentsMayWriteToParents && member.Role == ClassRole.Parent && Has(ClassRole.Parent)));

    public SchoolChatPolicy Policy { get; private set; } = SchoolChatPolicy.SchoolMode;

    /// <summary>The class's invitation links this person manages (teachers and admins see them all).</summary>
    public IReadOnlyList<InvitationDetails> Invitations { get; private set; } = [];

    /// <summary>A pupil's own entry: from it they invite their parents (a teacher approves each).</summary>
    public ClassMember? MeAsStudent => Class.Members.FirstOrDefault(m => m.UserId == Me && m.Role == ClassRole.Student);

    public async Task<IActionResult> OnPostCommunityAsync(string? title)
    {
        await LoadAsync();
        return await RunAsync(() => cluster.GetGrain<ISchoolChatsGrain>(Class.SchoolId).CreateCommunityAsync(Me, title ?? ""));
    }

    private bool Has(ClassRole role) => Class.Members.Any(m => m.UserId == Me && m.Role == role);

    public async Task<IActionResult> OnPostDirectAsync(Guid userId)
    {
        await LoadAsync();
        return await RunAsync(() => cluster.GetGrain<ISchoolChatsGrain>(Class.SchoolId).OpenDirectAsync(Me, userId));
    }

    public async Task<IActionResult> OnPostGroupAsync(string? title, List<Guid> members)
    {
        await LoadAsync();
        return await RunAsync(() => cluster.GetGrain<ISchoolChatsGrain>(Class.SchoolId).CreateGroupAsync(Me, title ?? "", members));
    }

    private async Task<IActionResult> RunAsync(Func<Task<Guid>> open)
    {
        try
        {
            return Redirect($"/Chats/{await open()}");
        }
        catch (DomainException ex) when (ex.Code != "forbidden")
        {
            ModelState.AddModelError(string.Empty, ErrorText.Of(ex));
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        Me = User.GetUserId();
        Class = await cluster.GetGrain<IClassGrain>(ClassId).GetAsync(Me);
        Policy = await cluster.GetGrain<ISchoolGrain>(Class.SchoolId).GetChatPolicyAsync();
        IAmSchoolAdmin = await cluster.GetGrain<ISchoolGrain>(Class.SchoolId).IsAdminAsync(Me);
        Invitations = await cluster.GetGrain<IInvitationListGrain>(0).ForClassAsync(Me, ClassId);
    }
}
