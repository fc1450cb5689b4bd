using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.Chats;
using Sferum.Common;
using Sferum.Notifications;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages.Notifications;

/// <summary>Which kinds of notification the person receives, and the chats they muted (muting is on each chat's page).</summary>
public sealed class SettingsModel(IClusterClient cluster, TimeProvider clock) : PageModel
{
    public NotificationSettings Settings { get; private set; } = new([], []);

    /// <summary>Muted chats with their titles (a chat the person has left since is named so).</summary>
    public IReadOnlyList<(ChatMute Mute, string Title)> Muted { get; private set; } = [];

    [TempData]
    public string? Saved { get; set; }

    /// <summary>The person's school's clock.</summary>
    public SchoolClock Clock { get; private set; } = SchoolClock.Fallback;

    private INotificationsGrain Grain => cluster.GetGrain<INotificationsGrain>(User.GetUserId());

    public async Task OnGetAsync()
    {
        var userId = User.GetUserId();
        Settings = await Grain.GetSettingsAsync(userId);
        var muted = new List<(ChatMute, string)>();
        foreach (var mute in Settings.Mutes)
        {
            string title;
            try
            {
                title = (await cluster.GetGrain<IChatGrain>(mute.ChatId).GetSummaryAsync(userId)).Title;
            }
            catch (DomainException)
            {
                title = "Чат, в котором вас больше нет";
            }

            muted.Add((mute, title));
        }

        Muted = muted;
        Clock = await SchoolClocks.ForPersonAsync(cluster, userId);
    }

    /// <summary>The kinds ticked on the form are on; every other one is off.</summary>
    public async Task<IActionResult> OnPostKindsAsync(List<NotificationKind> on)
    {
        var userId = User.GetUserId();
        foreach (var kind in Enum.GetValues<NotificationKind>())
        {
            await Grain.SetKindAsync(userId, kind, on.Contains(kind));
        }

        Saved = "Настройки сохранены.";
        return RedirectToPage();
    }

    /// <summary>Mutes a chat the person is in: «hour», «day» or «always».</summary>
    public async Task<IActionResult> OnPostMuteAsync(Guid chatId, string duration)
    {
        if (duration is not ("hour" or "day" or "always"))
        {
            // Only the chat page's own choices are offered.
            return BadRequest();
        }

        DateTimeOffset? until = duration switch
        {
            "hour" => clock.GetUtcNow().AddHours(1),
            "day" => clock.GetUtcNow().AddDays(1),
            _ => null,
        };
        await Grain.MuteChatAsync(User.GetUserId(), chatId, until);
        return LocalRedirect($"/Chats/{chatId}");
    }

    public async Task<IActionResult> OnPostUnmuteAsync(Guid chatId, bool back)
    {
        await Grain.UnmuteChatAsync(User.GetUserId(), chatId);
        return back ? LocalRedirect($"/Chats/{chatId}") : RedirectToPage();
    }
}
