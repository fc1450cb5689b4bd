using System.Globalization;
using Sferum.Audit;
using Sferum.Common;

namespace Sferum.Consents;

/// <summary>
/// The audit entries of consents: given, withdrawn, destruction scheduled, the register read, the operator set, and a
/// teacher's look at consented phones. Each names its subject (the account, and the journal key for a child without
/// one) but never a name or a value: the log is append-only, and names must stay erasable.
/// </summary>
public sealed class ConsentAudit(AuditLog audit)
{
    public const string Given = "consent.given";
    public const string Withdrawn = "consent.withdrawn";
    public const string DestructionScheduled = "personal-data.destruction-scheduled";
    public const string RegisterViewed = "consent.register-viewed";
    public const string OperatorSet = "consent.operator-set";

    public static AuditEntry GivenEntry(Guid schoolId, Guid actor, ConsentRecord c, Guid? subjectUserId) =>
        new(schoolId, actor, null, Given,
            $"Дано согласие «{c.Title}» (версия {c.Version}){(c.AsParent ? " родителем за ребёнка" : "")}",
            Details(c, ("sha256", c.DocumentSha256)), SubjectUserId: subjectUserId);

    public static IReadOnlyList<AuditEntry> WithdrawnEntries(Guid schoolId, Guid actor, ConsentRecord c, Guid? subjectUserId, ConsentWithdrawal outcome)
    {
        var withdrawn = new AuditEntry(schoolId, actor, null, Withdrawn,
            $"Отозвано согласие «{c.Title}» (версия {c.Version}): обработка прекращена"
            + (outcome.RemainingBasis is null ? "" : "; данные остаются на другом основании"),
            Details(c, ("remaining_basis", outcome.RemainingBasis)), SubjectUserId: subjectUserId);
        if (outcome.DestroyBy is not { } destroyBy)
        {
            return [withdrawn];
        }

        var scheduled = new AuditEntry(schoolId, actor, null, DestructionScheduled,
            $"Назначено уничтожение персональных данных (отзыв согласия): {string.Join(", ", outcome.DestroyedCategories)} — не позднее {SchoolClock.For(outcome.TimeZone).Date(destroyBy):dd.MM.yyyy}",
            Details(c, ("destroy_by", destroyBy.ToString("O", CultureInfo.InvariantCulture)), ("reason", "отзыв согласия")), SubjectUserId: subjectUserId);
        return [withdrawn, scheduled];
    }

    public Task RegisterReadAsync(Guid schoolId, Guid admin, ConsentRegisterQuery query, int count) =>
        audit.WriteAsync(new AuditEntry(schoolId, admin, null, RegisterViewed, $"Просмотрен реестр согласий: записей на странице {count}",
            new Dictionary<string, object?>
            {
                ["purpose"] = query.Purpose, ["in_force"] = query.InForce, ["name_filter"] = !string.IsNullOrWhiteSpace(query.Name),
                ["page"] = query.Page, ["count"] = count,
            }));

    /// <summary>A teacher saw a consented phone: the same trace as any look at a person's contact data.</summary>
    public Task PhoneViewedAsync(Guid schoolId, Guid viewer, Guid classId, string subjectKey, Guid? subjectUserId, Guid consentId) =>
        audit.WriteAsync(new AuditEntry(schoolId, viewer, null, People.ContactReadAudit.Action, "Просмотрен контактный телефон, показанный по согласию",
            new Dictionary<string, object?> { ["fields"] = new[] { "contact_phone" }, ["class"] = classId, ["subject"] = subjectKey, ["consent"] = consentId },
            SubjectUserId: subjectUserId));

    private static Dictionary<string, object?> Details(ConsentRecord c, params (string Key, object? Value)[] more)
    {
        var details = new Dictionary<string, object?>
        {
            ["consent"] = c.ConsentId, ["purpose"] = c.Purpose, ["version"] = c.Version, ["subject"] = c.SubjectKey, ["as_parent"] = c.AsParent,
        };
        foreach (var (key, value) in more)
        {
            details[key] = value;
        }

        return details;
    }
}
