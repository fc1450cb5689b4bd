using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using Sferum.Chats;
using Sferum.Common;

namespace Sferum.Notifications;

/// <summary>
/// One person's notification centre. Producers hand it notices one way; it drops what the person does not want
/// (a kind turned off, a muted chat — except a mention, which comes through a mute as in common messengers), keeps
/// the newest <see cref="Keep"/>, and pushes each new one to the web nodes where the person has pages open, quietly
/// (no ping) during the school's quiet hours. A direct message is pushed, never kept: the chat list counts it.
/// </summary>
public sealed class NotificationsGrain(
    // A state name of its own: the ADO.NET storage tells rows apart by state name and key, and the user grain (same key)
    // keeps "state".
    [PersistentState("notifications", Platform.GrainStorage.Default)] IPersistentState<NotificationsState> state,
    TimeProvider clock,
    ILogger<NotificationsGrain> logger) : Grain, INotificationsGrain
{
    /// <summary>How many notifications the centre keeps.</summary>
    public const int Keep = 100;

    private ObserverManager<INotificationFeed>? feeds;

    private ObserverManager<INotificationFeed> Feeds => feeds ??= new ObserverManager<INotificationFeed>(ChatFeeds.Expiry, logger);

    private Guid UserId => this.GetPrimaryKey();

    private List<Notification> Items => state.State.Items;

    private int Unread => Items.Count(n => !n.Read);

    public async Task NotifyAsync(Notification notice, bool quiet)
    {
        if (!Wants(notice))
        {
            return;
        }

        var notification = notice with { Id = Guid.NewGuid(), At = clock.GetUtcNow(), Read = false };
        if (notice.Kind != NotificationKind.DirectMessage)
        {
            Items.Insert(0, notification);
            if (Items.Count > Keep)
            {
                Items.RemoveRange(Keep, Items.Count - Keep);
            }

            await state.WriteStateAsync();
        }

        Push(new NotificationPush(UserId, Unread, notification, Live: !quiet));
    }

    private bool Wants(Notification notice)
    {
        if (state.State.Disabled.Contains(notice.Kind))
        {
            return false;
        }

        return notice.Kind == NotificationKind.Mention || notice.ChatId is not { } chatId || !IsMuted(chatId);
    }

    private bool IsMuted(Guid chatId) =>
        state.State.Mutes.TryGetValue(chatId, out var until) && (until is null || until > clock.GetUtcNow());

    public Task<NotificationList> ListAsync(Guid userId)
    {
        RequireSelf(userId);
        return Task.FromResult(new NotificationList(Items.ToList(), Unread));
    }

    public Task<int> UnreadAsync(Guid userId)
    {
        RequireSelf(userId);
        return Task.FromResult(Unread);
    }

    public async Task<int> MarkReadAsync(Guid userId, Guid notificationId)
    {
        RequireSelf(userId);
        var index = Items.FindIndex(n => n.Id == notificationId);
        if (index < 0)
        {
            throw new DomainException("notification.unknown", "Такого уведомления нет.");
        }

        if (!Items[index].Read)
        {
            Items[index] = Items[index] with { Read = true };
            await state.WriteStateAsync();
            Push(new NotificationPush(UserId, Unread, null, Live: false));
        }

        return Unread;
    }

    public async Task<int> MarkAllReadAsync(Guid userId)
    {
        RequireSelf(userId);
        if (Unread > 0)
        {
            state.State.Items = Items.Select(n => n.Read ? n : n with { Read = true }).ToList();
            await state.WriteStateAsync();
            Push(new NotificationPush(UserId, 0, null, Live: false));
        }

        return 0;
    }

    public Task<NotificationSettings> GetSettingsAsync(Guid userId)
    {
        RequireSelf(userId);
        return Task.FromResult(Settings());
    }

    public async Task<NotificationSettings> SetKindAsync(Guid userId, NotificationKind kind, bool on)
    {
        RequireSelf(userId);
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("notification.kind-invalid", "Такого вида уведомлений нет.");
        }

        if (on ? state.State.Disabled.Remove(kind) : state.State.Disabled.Add(kind))
        {
            await state.WriteStateAsync();
        }

        return Settings();
    }

    public async Task<NotificationSettings> MuteChatAsync(Guid userId, Guid chatId, DateTimeOffset? until)
    {
        RequireSelf(userId);
        if (until is { } end && end <= clock.GetUtcNow())
        {
            throw new DomainException("notification.mute-past", "Время окончания уже прошло.");
        }

        if (!await GrainFactory.GetGrain<IChatGrain>(chatId).IsMemberAsync(userId))
        {
            throw DomainException.Forbidden("chat.forbidden-not-member", "Вы не участник этого чата.");
        }

        state.State.Mutes[chatId] = until;
        DropExpiredMutes();
        await state.WriteStateAsync();
        return Settings();
    }

    public async Task<NotificationSettings> UnmuteChatAsync(Guid userId, Guid chatId)
    {
        RequireSelf(userId);
        if (state.State.Mutes.Remove(chatId))
        {
            DropExpiredMutes();
            await state.WriteStateAsync();
        }

        return Settings();
    }

    public async Task EraseAsync()
    {
        await state.ClearStateAsync();
        state.State = new NotificationsState();
    }

    public async Task ForgetActorAsync(Guid actorId)
    {
        if (Items.Any(n => n.ActorId == actorId))
        {
            // A direct chat is titled after the other person: that title goes too.
            var former = PersonalData.FormerMember.Name;
            state.State.Items = Items.Select(n => n.ActorId != actorId ? n
                : n with { ActorName = former, Title = n.Title == n.ActorName ? former : n.Title }).ToList();
            await state.WriteStateAsync();
        }
    }

    public Task WatchAsync(INotificationFeed feed)
    {
        Feeds.Subscribe(feed, feed);
        return Task.CompletedTask;
    }

    public Task UnwatchAsync(INotificationFeed feed)
    {
        Feeds.Unsubscribe(feed);
        return Task.CompletedTask;
    }

    private NotificationSettings Settings()
    {
        var now = clock.GetUtcNow();
        return new NotificationSettings(
            state.State.Disabled.Order().ToList(),
            state.State.Mutes.Where(m => m.Value is null || m.Value > now).Select(m => new ChatMute(m.Key, m.Value)).ToList());
    }

    private void DropExpiredMutes()
    {
        var now = clock.GetUtcNow();
        foreach (var chatId in state.State.Mutes.Where(m => m.Value <= now).Select(m => m.Key).ToList())
        {
            state.State.Mutes.Remove(chatId);
        }
    }

    private void Push(NotificationPush push)
    {
        if (feeds is { Count: > 0 })
        {
            feeds.Notify(feed => feed.PushAsync(push));
        }
    }

    private void RequireSelf(Guid userId)
    {
        if (userId != UserId)
        {
            throw DomainException.Forbidden("notification.forbidden", "Это не ваши уведомления.");
        }
    }
}
