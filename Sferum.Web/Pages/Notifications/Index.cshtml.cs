using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.Common;
using Sferum.Notifications;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages.Notifications;

/// <summary>The person's notification centre: newest first, each leading to its message, meeting or chat.</summary>
public sealed class IndexModel(IClusterClient cluster) : PageModel
{
    public NotificationList Centre { get; private set; } = new([], 0);

    private INotificationsGrain Grain => cluster.GetGrain<INotificationsGrain>(User.GetUserId());

    /// <summary>The person's school's clock.</summary>
    public SchoolClock Clock { get; private set; } = SchoolClock.Fallback;

    public async Task OnGetAsync()
    {
        Centre = await Grain.ListAsync(User.GetUserId());
        Clock = await SchoolClocks.ForPersonAsync(cluster, User.GetUserId());
    }

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
