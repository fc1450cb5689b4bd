using Sferum.Chats;
using Sferum.Classes;
using Sferum.Common;
using Sferum.Identity;

namespace Sferum.Announcements;

/// <summary>
/// Confirmations of one announcement. Every call asks the chat who the caller is there, and reads the message itself,
/// so only members confirm, only announcements can be confirmed, and a member who left stops counting at once.
/// </summary>
public sealed class AnnouncementGrain(AcknowledgementStore store) : Grain, IAnnouncementGrain, Audit.ISchoolScoped
{
    private Guid? schoolId;

    public Guid? AuditSchoolId => schoolId;

    private (Guid ChatId, long Seq) Key
    {
        get
        {
            var parts = this.GetPrimaryKeyString().Split('/');
            return (Guid.Parse(parts[0]), long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public async Task AcknowledgeAsync(Guid userId)
    {
        var (_, message) = await AnnouncementAsync(userId);
        if (message.AuthorId == userId)
        {
            throw new DomainException("announcement.own", "Своё объявление подтверждать не нужно.");
        }

        await store.AddAsync(Key.ChatId, Key.Seq, userId);
    }

    public async Task<bool> IsAcknowledgedAsync(Guid userId)
    {
        await AnnouncementAsync(userId);
        return (await store.ListAsync(Key.ChatId, Key.Seq)).Contains(userId);
    }

    public async Task<AnnouncementReport> ReportAsync(Guid userId)
    {
        var (access, message) = await AnnouncementAsync(userId);
        return await ReportAsync(userId, access, message);
    }

    private async Task<AnnouncementReport> ReportAsync(Guid userId, ChatAccess access, ChatMessage message)
    {
        if (message.AuthorId != userId && !access.CanModerate)
        {
            throw DomainException.Forbidden("announcement.forbidden-acknowledgements", "Кто подтвердил объявление, видят его автор и учителя.");
        }

        var confirmed = await store.ListAsync(Key.ChatId, Key.Seq);
        var members = (await GrainFactory.GetGrain<IChatGrain>(Key.ChatId).MemberIdsAsync()).Where(m => m != message.AuthorId).ToList();
        if (access is { Kind: ChatKind.Parents, ClassId: { } classId })
        {
            // Per child: a pupil counts as confirmed when any of their parents in the chat confirmed.
            var cls = await GrainFactory.GetGrain<IClassGrain>(classId).GetAsync(userId);
            var parents = cls.Members.Where(m => m.Role == ClassRole.Parent && m.UserId is { } u && members.Contains(u)).ToList();
            var rows = cls.Members.Where(m => m.Role == ClassRole.Student)
                .Select(child =>
                {
                    var its = parents.Where(p => p.ChildOf.Contains(child.JournalId)).ToList();
                    var by = its.Where(p => confirmed.Contains(p.UserId!.Value)).Select(p => p.DisplayName).Distinct().ToList();
                    return new AnnouncementRow(child.DisplayName, by.Count > 0, by, its.Select(p => p.UserId!.Value).Distinct().ToList());
                })
                .OrderBy(r => r.Name, StringComparer.CurrentCulture).ToList();
            return new AnnouncementReport(Key.ChatId, Key.Seq, cls.Name, true, rows);
        }

        if (access is { Kind: ChatKind.Class, ClassId: { } pupilsClass })
        {
            // Every pupil of the class, those not yet in Sferum included: the teacher sees whom the news has not reached.
            var cls = await GrainFactory.GetGrain<IClassGrain>(pupilsClass).GetAsync(userId);
            var rows = cls.Members.Where(m => m.Role == ClassRole.Student)
                .Select(p => p.UserId is { } u && confirmed.Contains(u)
                    ? new AnnouncementRow(p.DisplayName, true, [p.DisplayName], [u])
                    : new AnnouncementRow(p.DisplayName, false, [], p.UserId is { } id ? [id] : []))
                .OrderBy(r => r.Name, StringComparer.CurrentCulture).ToList();
            return new AnnouncementReport(Key.ChatId, Key.Seq, cls.Name, false, rows);
        }

        var names = new List<AnnouncementRow>();
        foreach (var member in members)
        {
            var name = (await GrainFactory.GetGrain<IUserGrain>(member).GetProfileAsync())?.Name.FullName ?? "—";
            var yes = confirmed.Contains(member);
            names.Add(new AnnouncementRow(name, yes, yes ? [name] : [], [member]));
        }

        return new AnnouncementReport(Key.ChatId, Key.Seq, null, false, names.OrderBy(r => r.Name, StringComparer.CurrentCulture).ToList());
    }

    public async Task<AnnouncementReminder> RemindAsync(Guid userId)
    {
        var (access, message) = await AnnouncementAsync(userId);
        var report = await ReportAsync(userId, access, message);
        var text = $"Напоминание: подтвердите, пожалуйста, что ознакомились с объявлением в чате — «{Excerpt(message.Text)}».";
        var chats = GrainFactory.GetGrain<ISchoolChatsGrain>(schoolId!.Value);
        var reminded = 0;
        var notReached = new List<string>();
        // One reminder per person per hour: the client id makes a second click within the hour change nothing.
        var round = DateTime.UtcNow.ToString("yyyyMMddHH", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var row in report.Rows.Where(r => !r.Confirmed))
        {
            if (row.Addressees.Count == 0)
            {
                notReached.Add($"{row.Name}: нет в Сферуме");
                continue;
            }

            foreach (var addressee in row.Addressees)
            {
                try
                {
                    var direct = await chats.OpenDirectAsync(userId, addressee);
                    await GrainFactory.GetGrain<IChatGrain>(direct).SendAsync(userId,
                        new SendMessage($"ack-remind:{Key.ChatId:N}:{Key.Seq}:{round}", text, null));
                    reminded++;
                }
                catch (DomainException ex)
                {
                    notReached.Add($"{row.Name}: {ex.Message}");
                }
            }
        }

        return new AnnouncementReminder(reminded, notReached);
    }

    private async Task<(ChatAccess Access, ChatMessage Message)> AnnouncementAsync(Guid userId)
    {
        var chat = GrainFactory.GetGrain<IChatGrain>(Key.ChatId);
        var access = await chat.GetAccessAsync(userId); // non-members are refused here, before anything is read
        schoolId = access.SchoolId;
        var page = await chat.HistoryAsync(userId, Key.Seq + 1, null, 1);
        var message = page.Messages.FirstOrDefault(m => m.Seq == Key.Seq);
        return message is { RequiresAck: true, Deleted: false }
            ? (access, message)
            : throw new DomainException("announcement.unknown", "Такого объявления нет.");
    }

    private static string Excerpt(string? text) => text is null ? "" : text.Length <= 120 ? text : text[..120] + "…";
}
