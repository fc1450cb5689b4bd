using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.Chats;
using Sferum.Web.Identity;

namespace Sferum.Web.Pages.Chats;

/// <summary>One chat. The page is a shell: messages come over SignalR (history, live events, catch-up).</summary>
public sealed class ViewModel(IClusterClient cluster, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Web.Meetings.VideoProxyOptions> video) : PageModel
{
    [FromRoute]
    public Guid ChatId { get; set; }

    public ChatSummary Chat { get; private set; } = null!;

    public Guid UserId { get; private set; }

    public Guid SchoolId { get; private set; }

    /// <summary>The school's quiet hours now: teachers get a hint and a "send in the morning" button while they last.</summary>
    public Web.Chats.ScheduledMessagesApi.QuietHoursView Quiet { get; private set; } = null!;

    /// <summary>Staff writing during quiet hours are told that pupils will not be notified, and offered the morning.</summary>
    public bool ShowQuietHint { get; private set; }

    /// <summary>"08:00": when the quiet hours end, in the school's time.</summary>
    public string QuietEndsText { get; private set; } = "";

    /// <summary>The meeting this person may start here (the chat's moderators, when video is configured); null for none.</summary>
    public Sferum.Meetings.MeetingKind? MeetingKind { get; private set; }

    /// <summary>The person's mute of this chat (null: notifications on).</summary>
    public Sferum.Notifications.ChatMute? Mute { get; private set; }

    public async Task OnGetAsync()
    {
        UserId = User.GetUserId();
        var chat = cluster.GetGrain<IChatGrain>(ChatId);
        Chat = await chat.GetSummaryAsync(UserId);
        SchoolId = (await chat.GetAccessAsync(UserId)).SchoolId;
        Quiet = await Web.Chats.ScheduledMessagesApi.QuietHoursOfAsync(cluster, SchoolId, clock.GetUtcNow());
        ShowQuietHint = Chat.CanPost && Quiet.QuietNow && await cluster.GetGrain<ISchoolChatsGrain>(SchoolId).IsStaffAsync(UserId);
        QuietEndsText = Quiet.Window[^5..];
        Mute = (await cluster.GetGrain<Sferum.Notifications.INotificationsGrain>(UserId).GetSettingsAsync(UserId)).Mutes.FirstOrDefault(m => m.ChatId == ChatId);
        MeetingKind = Chat.CanModerate && video.Value.JanusUrl.Length > 0 ? Sferum.Meetings.MeetingKinds.For(Chat.Kind) : null;
    }
}
