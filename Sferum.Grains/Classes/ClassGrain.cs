using Sferum.Chats;
using Sferum.Common;
using Sferum.Schools;

namespace Sferum.Classes;

/// <summary>
/// A class's current roster in memory. PostgreSQL is the source of truth (written by roster imports); the grain
/// reloads on activation and when an import or a journal join tells it to.
/// </summary>
public sealed class ClassGrain(ClassRosterReader reader) : Grain, IClassGrain, Audit.ISchoolScoped
{
    private ClassRoster? roster;
    private bool refreshedSinceActivation;

    public Guid? AuditSchoolId => roster?.SchoolId;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        roster = await reader.LoadAsync(this.GetPrimaryKey());

    public async Task<ClassDetails> GetAsync(Guid requesterUserId)
    {
        var r = roster ?? throw new DomainException("class.unknown", "Такого класса нет.");
        if (!IsMember(requesterUserId) && !await GrainFactory.GetGrain<ISchoolGrain>(r.SchoolId).IsAdminAsync(requesterUserId))
        {
            throw DomainException.Forbidden("class.forbidden", "Класс видят только его ученики, их родители, учителя и администраторы школы.");
        }

        return new ClassDetails(r.ClassId, r.SchoolId, r.Name, r.Grade, r.AcademicYear, r.ClassChatId, r.ParentsChatId, r.Members, r.Removed);
    }

    public Task<IReadOnlyList<ClassRole>> GetRolesAsync(Guid userId)
    {
        IReadOnlyList<ClassRole> roles = roster is { Removed: false }
            ? roster.Members.Where(m => m.UserId == userId).Select(m => m.Role).Distinct().ToList()
            : [];
        return Task.FromResult(roles);
    }

    public async Task RefreshAsync()
    {
        var before = MemberUsers(roster);
        roster = await reader.LoadAsync(this.GetPrimaryKey());
        var after = MemberUsers(roster);

        // A chat may have stayed active while this grain was not: after a fresh activation the difference is unknown,
        // so the chats are told whenever the class has members who use Sferum.
        var unknownBefore = !refreshedSinceActivation;
        refreshedSinceActivation = true;
        if (roster is not null && (!before.SetEquals(after) || (unknownBefore && after.Count > 0)))
        {
            // The class's chats follow at once: someone who left stops receiving, someone who joined can read.
            try
            {
                await Task.WhenAll(
                    GrainFactory.GetGrain<IChatGrain>(roster.ClassChatId).MembersChangedAsync(),
                    GrainFactory.GetGrain<IChatGrain>(roster.ParentsChatId).MembersChangedAsync(),
                    GrainFactory.GetGrain<ISchoolChatsGrain>(roster.SchoolId).RefreshChannelAsync());
            }
            catch
            {
                // A chat did not hear (its silo is dying): the caller asks again, and this grain must not think the
                // chats already follow the roster it has just read.
                refreshedSinceActivation = false;
                throw;
            }
        }
    }

    private static HashSet<(Guid, ClassRole)> MemberUsers(ClassRoster? r) =>
        r is null || r.Removed ? [] : r.Members.Where(m => m.UserId is not null).Select(m => (m.UserId!.Value, m.Role)).ToHashSet();

    private bool IsMember(Guid userId) => roster is { Removed: false } && roster.Members.Any(m => m.UserId == userId);
}
