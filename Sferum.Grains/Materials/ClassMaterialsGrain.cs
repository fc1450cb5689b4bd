using Sferum.Classes;
using Sferum.Common;
using Sferum.Identity;
using Sferum.Schools;

namespace Sferum.Materials;

/// <summary>
/// One class's library. Who may read or publish is decided from the class's roster at each call (a teacher who stopped
/// teaching the class loses the right at once); the rows are in <c>class_materials</c>.
/// </summary>
public sealed class ClassMaterialsGrain(MaterialStore store, ClassRosterReader rosters, TimeProvider clock)
    : Grain, IClassMaterialsGrain, Audit.ISchoolScoped
{
    public const int PageSize = 300;

    private Guid ClassId => this.GetPrimaryKey();

    private ClassRoster? roster;

    public Guid? AuditSchoolId => roster?.SchoolId;

    public async Task<MaterialLibrary> ListAsync(Guid userId, string? subject, string? query)
    {
        var (current, canPublish) = await AccessAsync(userId);
        subject = string.IsNullOrWhiteSpace(subject) ? null : subject.Trim();
        query = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
        if (query?.Length > 200)
        {
            throw new DomainException("material.query-too-long", "Поисковый запрос — не длиннее 200 символов.");
        }

        // Subjects for the filter: what the class's teachers teach (from the journal) and what was already published.
        var subjects = current.Members.SelectMany(m => m.Subjects).Concat(await store.SubjectsAsync(ClassId))
            .Distinct(StringComparer.CurrentCultureIgnoreCase).Order(StringComparer.CurrentCultureIgnoreCase).ToList();
        return new MaterialLibrary(current.Name, subjects, await store.ListAsync(ClassId, subject, query, PageSize), canPublish);
    }

    public async Task<bool> CanPublishAsync(Guid userId)
    {
        try
        {
            return (await AccessAsync(userId)).CanPublish;
        }
        catch (DomainException ex) when (ex.Code == "forbidden")
        {
            return false;
        }
    }

    public async Task<ClassMaterial> PublishAsync(Guid userId, MaterialDraft draft)
    {
        var (current, canPublish) = await AccessAsync(userId);
        if (!canPublish)
        {
            throw DomainException.Forbidden("material.forbidden-publish", "Материалы публикуют учителя класса.");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var valid = MaterialRules.Normalize(draft, today);
        var profile = await GrainFactory.GetGrain<IUserGrain>(userId).GetProfileAsync();
        return await store.AddAsync(ClassId, current.SchoolId, userId, valid, profile?.Name.DisplayName ?? "Учитель");
    }

    public async Task<ClassMaterial> OpenAsync(Guid userId, Guid materialId)
    {
        await AccessAsync(userId);
        return await store.CountDownloadAsync(ClassId, materialId)
            ?? throw new DomainException("material.unknown", "Такого материала нет.");
    }

    public async Task RemoveAsync(Guid userId, Guid materialId)
    {
        var (_, canPublish) = await AccessAsync(userId);
        if (!canPublish)
        {
            throw DomainException.Forbidden("material.forbidden-remove", "Убрать материал могут учителя класса.");
        }

        if (!await store.RemoveAsync(ClassId, materialId, userId))
        {
            throw new DomainException("material.unknown", "Такого материала нет.");
        }
    }

    /// <summary>Members of the class read; its teachers and the school's admins publish; anyone else is refused.</summary>
    private async Task<(ClassRoster Roster, bool CanPublish)> AccessAsync(Guid userId)
    {
        roster = await rosters.LoadAsync(ClassId);
        if (roster is null || roster.Removed)
        {
            throw DomainException.Forbidden("material.forbidden", "Нет доступа к материалам этого класса.");
        }

        var roles = roster.Members.Where(m => m.UserId == userId).Select(m => m.Role).ToList();
        var teacher = roles.Any(r => r is ClassRole.Teacher or ClassRole.HomeroomTeacher);
        var admin = !teacher && await GrainFactory.GetGrain<ISchoolGrain>(roster.SchoolId).IsAdminAsync(userId);
        if (roles.Count == 0 && !admin)
        {
            throw DomainException.Forbidden("material.forbidden", "Нет доступа к материалам этого класса.");
        }

        return (roster, teacher || admin);
    }
}
