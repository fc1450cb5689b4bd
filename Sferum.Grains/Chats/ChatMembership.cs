using Sferum.Classes;

namespace Sferum.Chats;

/// <summary>
/// Who is in a chat and what they may do. For a class's chats it follows the class's roster: the class chat holds its
/// teachers and students, the parents' chat its teachers and the students' parents; teachers moderate both.
/// </summary>
public sealed record ChatMembership(
    ChatKind Kind,
    Guid SchoolId,
    Guid? ClassId,
    string Title,
    IReadOnlyDictionary<Guid, ClassRole> Members)
{
    public static ChatMembership ForClass(ClassRoster roster, bool parentsChat)
    {
        var members = new Dictionary<Guid, ClassRole>();
        if (!roster.Removed)
        {
            foreach (var m in roster.Members.Where(m => m.UserId is not null))
            {
                var belongs = m.Role is ClassRole.Teacher or ClassRole.HomeroomTeacher
                    || (parentsChat ? m.Role == ClassRole.Parent : m.Role == ClassRole.Student);
                // A homeroom teacher outranks the same person's plain teacher entry.
                if (belongs && (!members.TryGetValue(m.UserId!.Value, out var existing) || m.Role > existing))
                {
                    members[m.UserId!.Value] = m.Role;
                }
            }
        }

        return new ChatMembership(parentsChat ? ChatKind.Parents : ChatKind.Class, roster.SchoolId, roster.ClassId,
            parentsChat ? $"{roster.Name}: родители" : $"{roster.Name} класс", members);
    }

    public bool IsMember(Guid userId) => Members.ContainsKey(userId);

    public bool IsModerator(Guid userId) => Members.TryGetValue(userId, out var role) && role is ClassRole.Teacher or ClassRole.HomeroomTeacher;

    public bool CanPost(Guid userId) => IsMember(userId);
}
