using System.Security.Cryptography;
using System.Text;
using Sferum.Classes;
using Sferum.Common;
using Sferum.Identity;
using Sferum.Schools;

namespace Sferum.Chats;

public sealed class SchoolChatsGrain(SchoolPeople people, ChatDirectory directory, Audit.AuditLog audit) : Grain, ISchoolChatsGrain, Audit.ISchoolScoped
{
    /// <summary>Keyed by the school: refusals here go to its audit log.</summary>
    public Guid? AuditSchoolId => this.GetPrimaryKey();

    public const int MaxGroupMembers = 500;

    private IGrainTimer? channelRefresh;
    private bool channelExists;

    private Guid SchoolId => this.GetPrimaryKey();

    public async Task<Guid> OpenDirectAsync(Guid requesterUserId, Guid otherUserId)
    {
        if (requesterUserId == otherUserId)
        {
            throw new DomainException("chat.self", "Нельзя написать самому себе.");
        }

        var me = await people.OfAsync(SchoolId, requesterUserId);
        var other = await people.OfAsync(SchoolId, otherUserId);
        var school = GrainFactory.GetGrain<ISchoolGrain>(SchoolId);
        var admin = await school.IsAdminAsync(requesterUserId);
        if (!MayWrite(me, other, admin, await school.GetChatPolicyAsync()))
        {
            throw DomainException.Forbidden("chat.forbidden-direct", "Этому человеку написать нельзя: ученики пишут учителям своих классов, родители — учителям классов своих детей.");
        }

        var (first, second) = requesterUserId.CompareTo(otherUserId) < 0 ? (requesterUserId, otherUserId) : (otherUserId, requesterUserId);
        var chatId = DerivedId("direct", first, second);
        await directory.CreateAsync(chatId, SchoolId, ChatKind.Direct, "Личные сообщения", requesterUserId,
            new Dictionary<Guid, bool> { [requesterUserId] = false, [otherUserId] = false });
        return chatId;
    }

    public async Task<Guid> CreateGroupAsync(Guid requesterUserId, string title, IReadOnlyList<Guid> memberUserIds)
    {
        await RequireStaffAsync(requesterUserId, DomainException.Forbidden("chat.forbidden-group-create", "Группы создают учителя и администраторы школы."));
        title = ValidTitle(title);

        var members = memberUserIds.Where(u => u != requesterUserId).Distinct().ToList();
        if (members.Count is 0 or > MaxGroupMembers)
        {
            throw new DomainException("chat.members-invalid", "В группе должны быть участники (не больше {0}).", MaxGroupMembers);
        }

        foreach (var member in members)
        {
            if (!(await people.OfAsync(SchoolId, member)).InSchool)
            {
                throw DomainException.Forbidden("chat.forbidden-group-outsider", "В группу можно добавить только людей из этой школы.");
            }
        }

        var chatId = Guid.NewGuid();
        await directory.CreateAsync(chatId, SchoolId, ChatKind.Group, title, requesterUserId,
            members.ToDictionary(u => u, _ => false).Append(new(requesterUserId, true)).ToDictionary(kv => kv.Key, kv => kv.Value));
        return chatId;
    }

    public async Task<Guid> CreateCommunityAsync(Guid requesterUserId, string title)
    {
        await RequireStaffAsync(requesterUserId, DomainException.Forbidden("chat.forbidden-community-create", "Сообщества создают учителя и администраторы школы."));
        var chatId = Guid.NewGuid();
        await directory.CreateAsync(chatId, SchoolId, ChatKind.Community, ValidTitle(title), requesterUserId,
            new Dictionary<Guid, bool> { [requesterUserId] = true });
        return chatId;
    }

    public async Task<Guid> GetChannelAsync(Guid requesterUserId)
    {
        if (!(await people.OfAsync(SchoolId, requesterUserId)).InSchool && !await GrainFactory.GetGrain<ISchoolGrain>(SchoolId).IsAdminAsync(requesterUserId))
        {
            throw DomainException.Forbidden("channel.forbidden-read", "Канал школы читают только её ученики, родители и сотрудники.");
        }

        var chatId = DerivedId("channel", SchoolId, SchoolId);
        if (!channelExists)
        {
            await directory.CreateAsync(chatId, SchoolId, ChatKind.Channel, "Канал школы", requesterUserId, new Dictionary<Guid, bool>());
            // The channel's chat grain may have been activated (by a roster refresh) before its row existed, and then
            // knows no such chat: it reads its members again now.
            await GrainFactory.GetGrain<IChatGrain>(chatId).MembersChangedAsync();
            channelExists = true;
        }

        return chatId;
    }

    public async Task SetChannelAuthorAsync(Guid requesterUserId, Guid authorUserId, bool author, string? secondFactorCode = null)
    {
        if (!await GrainFactory.GetGrain<ISchoolGrain>(SchoolId).IsAdminAsync(requesterUserId))
        {
            throw DomainException.Forbidden("channel.forbidden-authors", "Авторов канала назначают администраторы школы.");
        }

        if (!(await people.OfAsync(SchoolId, authorUserId)).IsStaff)
        {
            throw new DomainException("channel.author-not-staff", "Автором канала может быть только сотрудник школы.");
        }

        // A role change: confirmed with the admin's second factor (platform operators are not asked, as for admins).
        var requester = await GrainFactory.GetGrain<IUserGrain>(requesterUserId).GetProfileAsync();
        if (requester is not { IsPlatformOperator: true })
        {
            await GrainFactory.GetGrain<IUserGrain>(requesterUserId).VerifySecondFactorAsync(secondFactorCode);
        }

        var chatId = await GetChannelAsync(requesterUserId);
        if (author)
        {
            await directory.CreateAsync(chatId, SchoolId, ChatKind.Channel, "Канал школы", requesterUserId, new Dictionary<Guid, bool> { [authorUserId] = true });
        }
        else
        {
            await directory.RemoveMemberAsync(chatId, authorUserId, ChatKind.Channel);
        }

        await GrainFactory.GetGrain<IChatGrain>(chatId).MembersChangedAsync();
        var name = (await GrainFactory.GetGrain<IUserGrain>(authorUserId).GetProfileAsync())?.Name.FullName ?? authorUserId.ToString();
        await audit.WriteAsync(new Audit.AuditEntry(SchoolId, requesterUserId, null,
            author ? "channel.author-appointed" : "channel.author-removed",
            author ? $"Назначен автор канала школы: {name}" : $"Снят автор канала школы: {name}", SubjectUserId: authorUserId));
    }

    public Task RefreshChannelAsync()
    {
        // An import changes hundreds of classes at once: one re-read of the channel half a second later covers them all.
        channelRefresh ??= this.RegisterGrainTimer(async _ =>
        {
            channelRefresh?.Dispose();
            channelRefresh = null;
            await GrainFactory.GetGrain<IChatGrain>(DerivedId("channel", SchoolId, SchoolId)).MembersChangedAsync();
        }, TimeSpan.FromMilliseconds(500), Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    public async Task LeaveAsync(Guid userId, Guid chatId)
    {
        if (!await directory.RemoveMemberAsync(chatId, userId, ChatKind.Group) && !await directory.RemoveMemberAsync(chatId, userId, ChatKind.Community))
        {
            throw new DomainException("chat.not-left", "Выйти можно только из группы или сообщества, в которых вы состоите.");
        }

        await GrainFactory.GetGrain<IChatGrain>(chatId).MembersChangedAsync();
    }

    public async Task<bool> IsStaffAsync(Guid userId) =>
        (await people.OfAsync(SchoolId, userId)).IsStaff || await GrainFactory.GetGrain<ISchoolGrain>(SchoolId).IsAdminAsync(userId);

    private async Task RequireStaffAsync(Guid userId, DomainException refusal)
    {
        if (!await IsStaffAsync(userId))
        {
            throw refusal;
        }
    }

    private static string ValidTitle(string? title)
    {
        title = title?.Trim() ?? "";
        return title.Length is 0 or > 100 ? throw new DomainException("chat.title-invalid", "Название: от 1 до 100 символов.") : title;
    }

    // Staff and admins may write to anyone in the school; students to the teachers of their classes; parents to the
    // teachers of their children's classes; classmates and fellow parents only where the school allows it. Nobody
    // outside the school is reachable, and nobody reaches in.
    private static bool MayWrite(SchoolPeople.Standing me, SchoolPeople.Standing other, bool admin, SchoolChatPolicy policy)
    {
        if (!other.InSchool || (!me.InSchool && !admin))
        {
            return false;
        }

        if (me.IsStaff || admin)
        {
            return true;
        }

        bool Shares(ClassRole mine, params ClassRole[] theirs) =>
            me.Classes.Any(m => m.Role == mine && other.Classes.Any(o => o.ClassId == m.ClassId && theirs.Contains(o.Role)));

        return Shares(ClassRole.Student, ClassRole.Teacher, ClassRole.HomeroomTeacher)
            || Shares(ClassRole.Parent, ClassRole.Teacher, ClassRole.HomeroomTeacher)
            || (policy.StudentsMayWriteToClassmates && Shares(ClassRole.Student, ClassRole.Student))
            || (policy.ParentsMayWriteToParents && Shares(ClassRole.Parent, ClassRole.Parent));
    }

    // One direct chat per pair and one channel per school, whoever opens it first: the id is derived, not stored.
    private Guid DerivedId(string kind, Guid first, Guid second)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"sferum-{kind}|{SchoolId}|{first}|{second}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }
}
