using System.Security.Cryptography;
using System.Text;
using Sferum.Classes;
using Sferum.Common;
using Sferum.Identity;
using Sferum.Schools;

namespace Sferum.Chats;

public sealed class SchoolChatsGrain(SchoolPeople people, ChatDirectory directory) : Grain, ISchoolChatsGrain
{
    public const int MaxGroupMembers = 500;

    private Guid SchoolId => this.GetPrimaryKey();

    public async Task<Guid> OpenDirectAsync(Guid requesterUserId, Guid otherUserId)
    {
        if (requesterUserId == otherUserId)
        {
            throw new DomainException("chat.self", "Нельзя написать самому себе.");
        }

        var me = await people.OfAsync(SchoolId, requesterUserId);
        var other = await people.OfAsync(SchoolId, otherUserId);
        var admin = await GrainFactory.GetGrain<ISchoolGrain>(SchoolId).IsAdminAsync(requesterUserId);
        if (!MayWrite(me, other, admin))
        {
            throw DomainException.Forbidden("Этому человеку написать нельзя: ученики пишут учителям своих классов, родители — учителям классов своих детей.");
        }

        var chatId = DirectChatId(requesterUserId, otherUserId);
        await directory.CreateAsync(chatId, SchoolId, ChatKind.Direct, "Личные сообщения", requesterUserId,
            new Dictionary<Guid, bool> { [requesterUserId] = false, [otherUserId] = false });
        return chatId;
    }

    public async Task<Guid> CreateGroupAsync(Guid requesterUserId, string title, IReadOnlyList<Guid> memberUserIds)
    {
        var me = await people.OfAsync(SchoolId, requesterUserId);
        if (!me.IsStaff && !await GrainFactory.GetGrain<ISchoolGrain>(SchoolId).IsAdminAsync(requesterUserId))
        {
            throw DomainException.Forbidden("Группы создают учителя и администраторы школы.");
        }

        title = title?.Trim() ?? "";
        if (title.Length is 0 or > 100)
        {
            throw new DomainException("chat.title-invalid", "Название группы: от 1 до 100 символов.");
        }

        var members = memberUserIds.Where(u => u != requesterUserId).Distinct().ToList();
        if (members.Count is 0 or > MaxGroupMembers)
        {
            throw new DomainException("chat.members-invalid", $"В группе должны быть участники (не больше {MaxGroupMembers}).");
        }

        foreach (var member in members)
        {
            if (!(await people.OfAsync(SchoolId, member)).InSchool)
            {
                throw DomainException.Forbidden("В группу можно добавить только людей из этой школы.");
            }
        }

        var chatId = Guid.NewGuid();
        await directory.CreateAsync(chatId, SchoolId, ChatKind.Group, title, requesterUserId,
            members.ToDictionary(u => u, _ => false).Append(new(requesterUserId, true)).ToDictionary(kv => kv.Key, kv => kv.Value));
        return chatId;
    }

    public async Task LeaveAsync(Guid userId, Guid chatId)
    {
        if (!await directory.RemoveMemberAsync(chatId, userId, ChatKind.Group))
        {
            throw new DomainException("chat.not-left", "Выйти можно только из группы, в которой вы состоите.");
        }

        await GrainFactory.GetGrain<IChatGrain>(chatId).MembersChangedAsync();
    }

    // Staff and admins may write to anyone in the school; students to the teachers of their classes; parents to the
    // teachers of their children's classes. Nobody outside the school is reachable, and nobody reaches in.
    private static bool MayWrite(SchoolPeople.Standing me, SchoolPeople.Standing other, bool admin)
    {
        if (!other.InSchool || (!me.InSchool && !admin))
        {
            return false;
        }

        if (me.IsStaff || admin)
        {
            return true;
        }

        var teacherOf = other.Classes.Where(c => c.Role is ClassRole.Teacher or ClassRole.HomeroomTeacher).Select(c => c.ClassId).ToHashSet();
        return me.Classes.Any(c => c.Role is ClassRole.Student or ClassRole.Parent && teacherOf.Contains(c.ClassId));
    }

    // One direct chat per pair, whoever opens it first: its id is derived from the two ids.
    private Guid DirectChatId(Guid a, Guid b)
    {
        var (first, second) = a.CompareTo(b) < 0 ? (a, b) : (b, a);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"sferum-direct|{SchoolId}|{first}|{second}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }
}
