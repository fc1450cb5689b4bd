using Sferum.Classes;

namespace Sferum.Chats;

/// <summary>
/// Who is in a chat and who moderates it. A class's chats follow its roster: the class chat holds its teachers and
/// students, the parents' chat its teachers and the students' parents; teachers moderate both. Direct and group chats
/// list their members; a group's creator moderates it.
/// </summary>
public sealed record ChatMembership(
    ChatKind Kind,
    Guid SchoolId,
    Guid? ClassId,
    string Title,
    IReadOnlyDictionary<Guid, bool> Members,
    IReadOnlySet<Guid>? Students = null)
{
    /// <summary>The students among the members: during the school's quiet hours they get no notifications.</summary>
    public IReadOnlySet<Guid> StudentIds => Students ?? EmptySet;

    private static readonly HashSet<Guid> EmptySet = [];

    public static ChatMembership ForClass(ClassRoster roster, bool parentsChat)
    {
        var members = new Dictionary<Guid, bool>();
        var students = new HashSet<Guid>();
        if (!roster.Removed)
        {
            foreach (var m in roster.Members.Where(m => m.UserId is not null))
            {
                var teacher = m.Role is ClassRole.Teacher or ClassRole.HomeroomTeacher;
                if (teacher || (parentsChat ? m.Role == ClassRole.Parent : m.Role == ClassRole.Student))
                {
                    // Someone who is both a teacher and a parent in the class moderates.
                    members[m.UserId!.Value] = members.GetValueOrDefault(m.UserId!.Value) || teacher;
                    if (m.Role == ClassRole.Student)
                    {
                        students.Add(m.UserId.Value);
                    }
                }
            }
        }

        return new ChatMembership(parentsChat ? ChatKind.Parents : ChatKind.Class, roster.SchoolId, roster.ClassId,
            parentsChat ? $"{roster.Name}: родители" : $"{roster.Name} класс", members, students);
    }

    /// <summary>The same chat without the people a moderator removed from it.</summary>
    public ChatMembership Without(IReadOnlySet<Guid> excluded) => excluded.Count == 0
        ? this
        : this with
        {
            Members = Members.Where(m => !excluded.Contains(m.Key)).ToDictionary(m => m.Key, m => m.Value),
            Students = StudentIds.Where(u => !excluded.Contains(u)).ToHashSet(),
        };

    public bool IsMember(Guid userId) => Members.ContainsKey(userId);

    public bool IsModerator(Guid userId) => Members.TryGetValue(userId, out var moderator) && moderator;

    /// <summary>In a school channel only its authors (and the school's admins) write; everyone else reads.</summary>
    public bool CanPost(Guid userId) => Kind == ChatKind.Channel ? IsModerator(userId) : IsMember(userId);
}
