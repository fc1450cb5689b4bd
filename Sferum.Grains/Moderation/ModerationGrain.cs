using Sferum.Audit;
using Sferum.Chats;
using Sferum.Common;
using Sferum.Identity;
using Sferum.Schools;

namespace Sferum.Moderation;

/// <summary>
/// One school's reports. Visibility comes from the chats themselves: a report is shown to whoever the reported chat's
/// grain says moderates it, so a teacher sees reports from their classes' chats and nothing else.
/// </summary>
public sealed class ModerationGrain(ReportStore reports, SchoolPeople people, AuditLog audit, TimeProvider clock)
    : Grain, IModerationGrain, ISchoolScoped
{
    public const int MaxComment = 500;

    private Guid SchoolId => this.GetPrimaryKey();

    public Guid? AuditSchoolId => SchoolId;

    public async Task<Guid> ReportAsync(Guid userId, Guid chatId, long seq, ReportReason reason, string? comment)
    {
        if (!Enum.IsDefined(reason))
        {
            throw new DomainException("report.reason-invalid", "Выберите причину жалобы.");
        }

        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (comment?.Length > MaxComment)
        {
            throw new DomainException("report.comment-too-long", "Комментарий к жалобе — не длиннее {0} символов.", MaxComment);
        }

        // The chat decides what the reporter may see: a non-member, or a message that does not exist, is refused there.
        var chat = GrainFactory.GetGrain<IChatGrain>(chatId);
        var access = await chat.GetAccessAsync(userId);
        if (access.SchoolId != SchoolId)
        {
            throw DomainException.Forbidden("report.forbidden-chat", "Этот чат не относится к школе.");
        }

        var message = await chat.GetMessageAsync(userId, seq);
        if (message.AuthorId == userId)
        {
            throw new DomainException("report.own", "На своё сообщение пожаловаться нельзя: его можно удалить.");
        }

        var reporter = await GrainFactory.GetGrain<IUserGrain>(userId).GetProfileAsync();
        var report = new MessageReport(Guid.NewGuid(), chatId, access.Title, seq, reason, comment, message.AuthorId, message.AuthorName,
            message.Text, reporter?.Name.DisplayName ?? "Участник", clock.GetUtcNow(), null, null);
        var id = await reports.AddAsync(SchoolId, report, userId);
        if (id == report.ReportId)
        {
            await audit.WriteAsync(new AuditEntry(SchoolId, userId, null, "moderation.reported",
                $"Жалоба на сообщение {message.AuthorName} в чате «{access.Title}»: {ReportReasons.Describe(reason)}",
                new Dictionary<string, object?> { ["chatId"] = chatId, ["seq"] = seq, ["reportId"] = id }));
        }

        return id;
    }

    public async Task<IReadOnlyList<MessageReport>> ReportsAsync(Guid userId, bool includeResolved)
    {
        var admin = await GrainFactory.GetGrain<ISchoolGrain>(SchoolId).IsAdminAsync(userId);
        if (!admin && !(await people.OfAsync(SchoolId, userId)).IsStaff)
        {
            throw DomainException.Forbidden("report.forbidden-list", "Жалобы разбирают учителя и администраторы школы.");
        }

        var all = await reports.ListAsync(SchoolId, includeResolved, 500);
        if (admin)
        {
            return all;
        }

        var moderated = new Dictionary<Guid, bool>();
        foreach (var chatId in all.Select(r => r.ChatId).Distinct())
        {
            moderated[chatId] = await GrainFactory.GetGrain<IChatGrain>(chatId).IsModeratorAsync(userId);
        }

        return all.Where(r => moderated[r.ChatId]).ToList();
    }

    public async Task<MessageReport> ActAsync(Guid userId, Guid reportId, ReportAction action, int muteHours = 0)
    {
        var report = await reports.GetAsync(SchoolId, reportId) ?? throw new DomainException("report.unknown", "Такой жалобы нет.");
        var chat = GrainFactory.GetGrain<IChatGrain>(report.ChatId);
        if (!await chat.IsModeratorAsync(userId))
        {
            throw DomainException.Forbidden("report.forbidden-resolve", "Жалобы на этот чат разбирают его учителя и администраторы школы.");
        }

        if (!Enum.IsDefined(action))
        {
            throw new DomainException("report.action-invalid", "Такого действия нет.");
        }

        // Muting or removing the author also takes the offending message away; the chat checks the rights again, and
        // the sanction goes first so that a refused one leaves the message as it was.
        switch (action)
        {
            case ReportAction.Dismiss:
                await audit.WriteAsync(new AuditEntry(SchoolId, userId, null, "moderation.dismissed",
                    $"Жалоба на сообщение {report.AuthorName} в чате «{report.ChatTitle}» отклонена",
                    new Dictionary<string, object?> { ["reportId"] = reportId }));
                break;
            case ReportAction.Mute:
                await chat.MuteAsync(userId, report.AuthorId, clock.GetUtcNow().AddHours(muteHours));
                await HideIfPresentAsync(chat, userId, report.Seq);
                break;
            case ReportAction.Remove:
                // The removal first: when it is refused (a teacher's message), the message is not hidden either.
                await chat.RemoveMemberAsync(userId, report.AuthorId);
                await HideIfPresentAsync(chat, userId, report.Seq);
                break;
            default:
                await HideIfPresentAsync(chat, userId, report.Seq);
                break;
        }

        var resolution = action switch
        {
            ReportAction.Dismiss => "dismissed",
            ReportAction.Hide => "hidden",
            ReportAction.Mute => "muted",
            _ => "removed",
        };
        await reports.ResolveAsync(report.ChatId, report.Seq, userId, resolution, clock.GetUtcNow());
        return (await reports.GetAsync(SchoolId, reportId))!;
    }

    // The author may have deleted the message meanwhile: then there is nothing left to hide.
    private static async Task HideIfPresentAsync(IChatGrain chat, Guid userId, long seq)
    {
        try
        {
            await chat.HideAsync(userId, seq);
        }
        catch (DomainException ex) when (ex.Code == "message.deleted")
        {
        }
    }
}
