using Sferum.Audit;
using Sferum.Common;
using Sferum.Schools;

namespace Sferum.PersonalData;

/// <summary>
/// The school's operator details, kept in <c>personal_data_operators</c> (no grain state): the consents, the requests
/// desk and the acts of destruction read that table through <see cref="OperatorStore"/>; this grain is how admins change it.
/// </summary>
public sealed class SchoolOperatorGrain(OperatorStore operators, AuditLog audit) : Grain, ISchoolOperatorGrain, ISchoolScoped
{
    private Guid SchoolId => this.GetPrimaryKey();

    public Guid? AuditSchoolId => SchoolId;

    public async Task<OperatorDetails?> GetAsync(Guid requesterUserId)
    {
        await RequireAdminAsync(requesterUserId);
        return await operators.GetAsync(SchoolId);
    }

    public async Task SetAsync(Guid requesterUserId, OperatorDetails details)
    {
        await RequireAdminAsync(requesterUserId);
        var valid = OperatorRules.Validate(details);
        if (await operators.GetAsync(SchoolId) == valid)
        {
            return;
        }

        await operators.SetAsync(SchoolId, valid, requesterUserId);
        // The action keeps the name it had when only consents named the operator, so the log reads as one history.
        await audit.WriteAsync(new AuditEntry(SchoolId, requesterUserId, null, Consents.ConsentAudit.OperatorSet,
            "Изменены сведения об операторе персональных данных (наименование, адрес, ответственный, обработчики, сроки хранения)"));
    }

    public async Task SeedAsync(OperatorDetails details)
    {
        await RequireSchoolAsync();
        await operators.SetAsync(SchoolId, OperatorRules.Validate(details), null, onlyIfMissing: true);
    }

    private async Task RequireAdminAsync(Guid userId)
    {
        await RequireSchoolAsync();
        if (!await GrainFactory.GetGrain<ISchoolGrain>(SchoolId).IsAdminAsync(userId))
        {
            throw DomainException.Forbidden("Сведения об операторе персональных данных меняют и видят здесь только администраторы школы.");
        }
    }

    private async Task RequireSchoolAsync()
    {
        if (await GrainFactory.GetGrain<ISchoolGrain>(SchoolId).GetAsync() is null)
        {
            throw new DomainException("school.unknown", "Такой школы нет.");
        }
    }
}
