using Sferum.Common;
using Sferum.Schools;

namespace Sferum.Classes;

/// <summary>
/// A class's current roster in memory. PostgreSQL is the source of truth (written by roster imports); the grain
/// reloads on activation and when an import or a journal join tells it to.
/// </summary>
public sealed class ClassGrain(ClassRosterReader reader) : Grain, IClassGrain
{
    private ClassRoster? roster;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        roster = await reader.LoadAsync(this.GetPrimaryKey());

    public async Task<ClassDetails> GetAsync(Guid requesterUserId)
    {
        var r = roster ?? throw new DomainException("class.unknown", "Такого класса нет.");
        if (!IsMember(requesterUserId) && !await GrainFactory.GetGrain<ISchoolGrain>(r.SchoolId).IsAdminAsync(requesterUserId))
        {
            throw DomainException.Forbidden("Класс видят только его ученики, их родители, учителя и администраторы школы.");
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

    public async Task RefreshAsync() => roster = await reader.LoadAsync(this.GetPrimaryKey());

    private bool IsMember(Guid userId) => roster is { Removed: false } && roster.Members.Any(m => m.UserId == userId);
}
