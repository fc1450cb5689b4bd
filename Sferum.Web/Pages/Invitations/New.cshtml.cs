using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sferum.Chats;
using Sferum.Classes;
using Sferum.Common;
using Sferum.Invitations;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages.Invitations;

/// <summary>
/// A new invitation link into a class's chat, its parents' chat, a group or a community. The form offers what the
/// target allows; the invitation grain decides whether this person may create it.
/// </summary>
public sealed class NewModel(IClusterClient cluster, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [FromQuery]
    public Guid? ClassId { get; set; }

    [FromQuery]
    public Guid? ChatId { get; set; }

    [BindProperty(SupportsGet = true)]
    public InvitationTarget Target { get; set; }

    [BindProperty(SupportsGet = true)]
    public InvitationRole Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Child { get; set; }

    [BindProperty]
    public int ExpiresInDays { get; set; } = InvitationDraft.DefaultExpiryDays;

    [BindProperty]
    public int MaxUses { get; set; } = 30;

    [BindProperty]
    public bool RequiresApproval { get; set; }

    [BindProperty]
    public string? SecondFactorCode { get; set; }

    [TempData]
    public string? NewToken { get; set; }

    public string TargetTitle { get; private set; } = "";

    public IReadOnlyList<ClassMember> Students { get; private set; } = [];

    public IReadOnlyList<InvitationRole> Roles { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var id = Guid.NewGuid();
        try
        {
            var created = await cluster.GetGrain<IInvitationGrain>(id).CreateAsync(User.GetUserId(), new InvitationDraft(
                Target, ClassId, ChatId, Role, Role == InvitationRole.Parent ? Child : null, ExpiresInDays, MaxUses, RequiresApproval, SecondFactorCode));
            // The token exists only now: it travels to the next page once, in the encrypted TempData cookie.
            NewToken = created.Token;
            return Redirect($"/Invitations/{created.InvitationId}");
        }
        catch (DomainException ex) when (ex.Code != "forbidden")
        {
            ModelState.AddModelError(string.Empty, ErrorText.Of(ex));
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        var me = User.GetUserId();
        if (ClassId is { } classId)
        {
            var cls = await cluster.GetGrain<IClassGrain>(classId).GetAsync(me);
            Target = Target == InvitationTarget.ParentsChat ? InvitationTarget.ParentsChat : InvitationTarget.ClassChat;
            TargetTitle = localizer[Target == InvitationTarget.ParentsChat ? "Invitation.ParentsChatOf" : "Invitation.ClassChatOf", cls.Name];
            Roles = Target == InvitationTarget.ParentsChat ? [InvitationRole.Parent, InvitationRole.Teacher] : [InvitationRole.Student, InvitationRole.Teacher];
            Students = cls.Members.Where(m => m.Role == ClassRole.Student).ToList();
        }
        else if (ChatId is { } chatId)
        {
            var access = await cluster.GetGrain<IChatGrain>(chatId).GetAccessAsync(me);
            Target = access.Kind == ChatKind.Community ? InvitationTarget.Community : InvitationTarget.Group;
            TargetTitle = access.Title;
            Roles = [InvitationRole.Member];
        }
        else
        {
            throw DomainException.Localized("invitation.target-unknown", localizer["Invitation.TargetUnknown"]);
        }

        if (!Roles.Contains(Role))
        {
            Role = Roles[0];
        }
    }
}
