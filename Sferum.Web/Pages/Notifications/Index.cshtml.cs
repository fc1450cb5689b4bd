using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.Notifications;
using Sferum.Web.Identity;

namespace Sferum.Web.Pages.Notifications;

/// <summary>The person's notification centre: newest first, each leading to its message, meeting or chat.</summary>
public sealed class IndexModel(IClusterClient cluster) : PageModel
{
    public NotificationList Centre { get; private set; } = new([], 0);

    private INotificationsGrain Grain => cluster.GetGrain<INotificationsGrain>(User.GetUserId());

    public async Task OnGetAsync() => Centre = await Grain.ListAsync(User.GetUserId());

    public async Task<IActionResult> OnPostReadAsync(Guid id)
    {
        await Grain.MarkReadAsync(User.GetUserId(), id);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        await Grain.MarkAllReadAsync(User.GetUserId());
        return RedirectToPage();
    }
}
