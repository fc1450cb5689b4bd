using Sferum.Audit;
using Sferum.Common;
using Sferum.Schools;

namespace Sferum.Chats;

/// <summary>
/// Moderation of one chat by its teachers (moderators) and the school's admins: hide a message, mute or remove a
/// member, and the admins' safety reading of any chat. Every action goes to the school's audit log.
/// </summary>
public sealed partial class ChatGrain
{
    /// <summary>Longest mute: a week; beyond that a moderator removes the member.</summary>
    public static readonly TimeSpan MaxMute = TimeSpan.FromDays(7);

    private Dictionary<Guid, DateTimeOffset> mutes = [];

    public async Task<ChatMessage> GetMessageAsync(Guid userId, long seq)
    {
        RequireMember(userId);
        return await ExistingAsync(seq);
    }

    public async Task<bool> IsModeratorAsync(Guid userId) =>
        loaded is not null && (membership.IsModerator(userId) || await IsSchoolAdminAsync(userId));

    public async Task<ChatMessage> HideAsync(Guid moderatorId, long seq)
    {
        await RequireModeratorAsync(moderatorId);
        var message = await ExistingAsync(seq);
        var hidden = await EnqueueAsync(new PendingEvent(ChatEventType.Hidden, moderatorId, "") { TargetSeq = seq });
        await audit.WriteAsync(new AuditEntry(membership.SchoolId, moderatorId, null, "moderation.hidden",
            $"Скрыто сообщение {message.AuthorName} в чате «{membership.Title}»",
            new Dictionary<string, object?> { ["chatId"] = ChatId, ["seq"] = seq, ["authorId"] = message.AuthorId }, SubjectUserId: message.AuthorId));
        return hidden;
    }

    public async Task MuteAsync(Guid moderatorId, Guid memberId, DateTimeOffset until)
    {
        await RequireModeratorAsync(moderatorId);
        RequireSanctionable(memberId);
        var now = clock.GetUtcNow();
        if (until <= now || until - now > MaxMute)
        {
            throw new DomainException("moderation.mute-invalid", "Запретить писать можно на срок до 7 дней.");
        }

        await RefreshQuietHoursAsync();
        await sanctions.MuteAsync(ChatId, memberId, until, moderatorId);
        mutes[memberId] = until;
        await audit.WriteAsync(new AuditEntry(membership.SchoolId, moderatorId, null, "moderation.muted",
            $"{await AuthorNameAsync(memberId)} не может писать в чат «{membership.Title}» до {SchoolTimeText(until)}",
            new Dictionary<string, object?> { ["chatId"] = ChatId, ["userId"] = memberId, ["until"] = until }, SubjectUserId: memberId));
    }

    public async Task RemoveMemberAsync(Guid moderatorId, Guid memberId)
    {
        await RequireModeratorAsync(moderatorId);
        RequireSanctionable(memberId);
        if (membership.Kind is ChatKind.Direct)
        {
            throw new DomainException("moderation.not-removable", "Из личной переписки участника удалить нельзя.");
        }

        await sanctions.ExcludeAsync(ChatId, memberId, moderatorId);
        await audit.WriteAsync(new AuditEntry(membership.SchoolId, moderatorId, null, "moderation.removed",
            $"{await AuthorNameAsync(memberId)} удалён(а) из чата «{membership.Title}»",
            new Dictionary<string, object?> { ["chatId"] = ChatId, ["userId"] = memberId }, SubjectUserId: memberId));
        // The removed member's open connections leave the chat's live delivery at once.
        await MembersChangedAsync();
    }

    public async Task<ChatPage> ReviewAsync(Guid adminId, long? beforeSeq, int limit)
    {
        if (loaded is null || !await IsSchoolAdminAsync(adminId))
        {
            throw DomainException.Forbidden("chat.forbidden-oversight", "Читать любой чат школы могут только её администраторы.");
        }

        // Written before the messages are returned: a safety read is never unrecorded.
        await audit.WriteAsync(new AuditEntry(membership.SchoolId, adminId, null, "moderation.chat-read",
            $"Администратор прочитал чат «{membership.Title}» (проверка безопасности)",
            new Dictionary<string, object?> { ["chatId"] = ChatId, ["beforeSeq"] = beforeSeq }));
        return await PageAsync(beforeSeq, null, limit);
    }

    private void RequireNotMuted(Guid userId)
    {
        if (mutes.TryGetValue(userId, out var until))
        {
            if (until > clock.GetUtcNow())
            {
                throw new DomainException("member.muted",
                    "Модератор запретил вам писать в этот чат до {0}. Читать сообщения можно.", SchoolTimeText(until));
            }

            mutes.Remove(userId);
        }
    }

    private async Task RequireModeratorAsync(Guid userId)
    {
        if (!await IsModeratorAsync(userId))
        {
            throw DomainException.Forbidden("chat.forbidden-moderate", "Это могут учителя класса, руководители сообщества и администраторы школы.");
        }
    }

    // Moderators moderate members, not one another: a teacher cannot mute another teacher of the class.
    private void RequireSanctionable(Guid memberId)
    {
        if (!membership.IsMember(memberId))
        {
            throw new DomainException("moderation.not-member", "Этого человека нет в чате.");
        }

        if (membership.IsModerator(memberId))
        {
            throw new DomainException("moderation.moderator", "Учителей и руководителей чата ограничивает только администратор школы через журнал.");
        }
    }

    private Task<bool> IsSchoolAdminAsync(Guid userId) => GrainFactory.GetGrain<ISchoolGrain>(membership.SchoolId).IsAdminAsync(userId);
}
