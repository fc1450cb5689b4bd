using Sferum.Audit;
using Sferum.Common;
using Sferum.Schools;

namespace Sferum.PersonalData;

/// <summary>A school's retention policy (keyed by the school): its admins set it, see the reports, and may apply it at once.</summary>
public sealed class SchoolRetentionGrain(RetentionStore store, RetentionApplier applier, AuditLog audit) : Grain, ISchoolRetentionGrain
{
    private Guid SchoolId => this.GetPrimaryKey();

    public async Task<RetentionPolicy> GetAsync(Guid requesterUserId)
    {
        await RequireAdminAsync(requesterUserId);
        return await store.GetAsync(SchoolId);
    }

    public async Task SetAsync(Guid requesterUserId, RetentionPolicy policy)
    {
        await RequireAdminAsync(requesterUserId);
        Validate(policy.ChatYears,
            new DomainException("retention.chat-years-invalid", "Срок хранения переписки: от 1 до {0} лет или «бессрочно».", RetentionPolicy.MaxYears));
        Validate(policy.FileYears,
            new DomainException("retention.file-years-invalid", "Срок хранения файлов и записей: от 1 до {0} лет или «бессрочно».", RetentionPolicy.MaxYears));
        await store.SetAsync(SchoolId, policy, requesterUserId);
        await audit.WriteAsync(new AuditEntry(SchoolId, requesterUserId, null, "retention.policy",
            $"Сроки хранения: переписка — {Describe(policy.ChatYears)}, файлы и записи — {Describe(policy.FileYears)}, "
            + $"закреплённые сообщения — {(policy.KeepPinned ? "хранить" : "удалять со сроком")}, материалы — {(policy.KeepMaterials ? "хранить" : "удалять со сроком")}"));
    }

    public async Task<RetentionReport> RunNowAsync(Guid requesterUserId)
    {
        await RequireAdminAsync(requesterUserId);
        return await applier.ApplySchoolAsync(SchoolId, "admin", requesterUserId);
    }

    public async Task<IReadOnlyList<RetentionReport>> ReportsAsync(Guid requesterUserId)
    {
        await RequireAdminAsync(requesterUserId);
        return await store.ReportsAsync(SchoolId);
    }

    public static string Describe(int? years) => years is { } y ? $"{y} {Plural(y, "год", "года", "лет")}" : "пока школа пользуется Сферумом";

    private static string Plural(int n, string one, string few, string many) =>
        (n % 100) is >= 11 and <= 14 ? many : (n % 10) switch { 1 => one, >= 2 and <= 4 => few, _ => many };

    private static void Validate(int? years, DomainException refusal)
    {
        if (years is < 1 or > RetentionPolicy.MaxYears)
        {
            throw refusal;
        }
    }

    private async Task RequireAdminAsync(Guid userId)
    {
        if (!await GrainFactory.GetGrain<ISchoolGrain>(SchoolId).IsAdminAsync(userId))
        {
            throw DomainException.Forbidden("retention.forbidden", "Сроки хранения задают администраторы школы.");
        }
    }
}
