using Microsoft.Extensions.Logging;
using Sferum.Common;
using Sferum.Localization;
using Sferum.Notifications;

namespace Sferum.Chats;

/// <summary>
/// Notifications a chat produces: a mention (the named members), a reply (the author of the message replied to), an
/// announcement asking for «ознакомлен» (every other member), a direct message (the other person), and the notices its
/// polls and meetings hand it. All of it after the commit and one way per recipient: the sender's acknowledgement never
/// waits for it, and a post that mentions nobody, replies to nothing and is no announcement in a chat that is not a
/// direct one costs nothing here.
/// </summary>
public sealed partial class ChatGrain
{
    /// <summary>At most this many people named in one message.</summary>
    public const int MaxMentions = 20;

    // The authors of the latest messages, so that a reply finds whom to notify without reading the database.
    private readonly Dictionary<long, Guid> recentAuthors = [];

    private IReadOnlyList<Guid> ValidMentions(Guid authorId, IReadOnlyList<Guid>? mentions)
    {
        if (mentions is not { Count: > 0 })
        {
            return [];
        }

        if (mentions.Count > MaxMentions)
        {
            throw new DomainException("message.mentions-too-many", "В одном сообщении можно упомянуть не больше {0} человек.", MaxMentions);
        }

        // Only members can be named; naming oneself or someone who left is not an error, it names nobody.
        return mentions.Distinct().Where(u => u != authorId && u != Guid.Empty && membership.IsMember(u)).ToList();
    }

    public async Task<IReadOnlyList<ChatMemberName>> MemberNamesAsync(Guid userId)
    {
        RequireMember(userId);
        // The school channel's readers are the whole school: its members are not a list anyone gets (readers do not
        // write; authors mention people by the class chats).
        if (membership.Kind == ChatKind.Channel)
        {
            return [];
        }

        // The names not known yet are asked of their user grains at once, not one after another: the first @ in a
        // club of hundreds would otherwise wait for hundreds of activations in a row.
        var others = membership.Members.Keys.Where(u => u != Guid.Empty && u != userId).ToList();
        var names = await Task.WhenAll(others.Select(async member => new ChatMemberName(member, await AuthorNameAsync(member))));
        return names.OrderBy(n => n.Name, StringComparer.Create(new System.Globalization.CultureInfo("ru-RU"), true)).ToList();
    }

    public async Task NotifyMembersAsync(ChatNotice notice)
    {
        if (loaded is null || notice.Kind is NotificationKind.Mention or NotificationKind.Reply or NotificationKind.DirectMessage)
        {
            return;
        }

        await RefreshQuietHoursAsync();
        var recipients = (notice.Recipients ?? membership.Members.Keys.ToList())
            .Where(u => u != notice.ActorId && u != Guid.Empty && membership.IsMember(u)).Distinct().ToList();
        var quiet = QuietForStudentsNow();
        foreach (var userId in recipients)
        {
            var title = await TitleForAsync(userId);
            Send(userId, Notification.Notice(notice.Kind, ChatId, notice.Seq, notice.MeetingId, title, notice.ActorId, notice.ActorName, notice.Text), quiet);
        }
    }

    private void NotifyPosted(IReadOnlyList<PendingEvent> events, IReadOnlyList<ChatMessage> messages, bool quiet)
    {
        for (var i = 0; i < events.Count; i++)
        {
            // Only a new post notifies (an edit, a deletion or a reaction returns the message it changed).
            if (events[i].Type != ChatEventType.Posted)
            {
                continue;
            }

            var message = messages[i];
            recentAuthors[message.Seq] = message.AuthorId;

            var mentions = message.Mentions ?? [];
            if (mentions.Count == 0 && message.ReplyTo is null && !message.RequiresAck && membership.Kind != ChatKind.Direct)
            {
                continue;
            }

            _ = NotifyPostAsync(message, quiet);
        }

        if (recentAuthors.Count > 2000)
        {
            foreach (var seq in recentAuthors.Keys.Order().Take(recentAuthors.Count - 1000).ToList())
            {
                recentAuthors.Remove(seq);
            }
        }
    }

    private async Task NotifyPostAsync(ChatMessage message, bool quiet)
    {
        try
        {
            var told = new HashSet<Guid> { message.AuthorId };
            var text = message.Text ?? GrainTexts.Get("Notice.File");
            foreach (var userId in message.Mentions ?? [])
            {
                if (told.Add(userId))
                {
                    Send(userId, Notification.Notice(NotificationKind.Mention, ChatId, message.Seq, null, await TitleForAsync(userId), message.AuthorId, message.AuthorName, text), quiet);
                }
            }

            if (message.ReplyTo is { } replyTo && await RepliedAuthorAsync(replyTo) is { } repliedTo && membership.IsMember(repliedTo) && told.Add(repliedTo))
            {
                Send(repliedTo, Notification.Notice(NotificationKind.Reply, ChatId, message.Seq, null, await TitleForAsync(repliedTo), message.AuthorId, message.AuthorName, text), quiet);
            }

            if (message.RequiresAck)
            {
                foreach (var userId in membership.Members.Keys.Where(u => u != Guid.Empty && told.Add(u)).ToList())
                {
                    Send(userId, Notification.Notice(NotificationKind.Announcement, ChatId, message.Seq, null, await TitleForAsync(userId), message.AuthorId, message.AuthorName, text), quiet);
                }
            }

            if (membership.Kind == ChatKind.Direct)
            {
                foreach (var userId in membership.Members.Keys.Where(u => u != Guid.Empty && told.Add(u)).ToList())
                {
                    Send(userId, Notification.Notice(NotificationKind.DirectMessage, ChatId, message.Seq, null, message.AuthorName, message.AuthorId, message.AuthorName, text), quiet);
                }
            }
        }
        catch (Exception ex)
        {
            // The message is committed and delivered; only its notifications are lost, and the log says so.
            logger.LogWarning(ex, "Chat {ChatId} message {Seq}: notifications not sent", ChatId, message.Seq);
        }
    }

    private async Task<Guid?> RepliedAuthorAsync(long seq)
    {
        if (recentAuthors.TryGetValue(seq, out var author))
        {
            return author;
        }

        return (await store.GetAsync(ChatId, seq))?.AuthorId;
    }

    /// <summary>How the chat is named for this person (a direct chat after the other one).</summary>
    private async Task<string> TitleForAsync(Guid userId) =>
        membership.Kind == ChatKind.Direct && membership.Members.Keys.FirstOrDefault(u => u != userId) is { } other && other != Guid.Empty
            ? await AuthorNameAsync(other)
            : membership.Title;

    private void Send(Guid userId, Notification notice, bool quietForStudents) =>
        GrainFactory.GetGrain<INotificationsGrain>(userId).NotifyAsync(notice, quiet: Silenced(userId, quietForStudents)).Ignore();
}
