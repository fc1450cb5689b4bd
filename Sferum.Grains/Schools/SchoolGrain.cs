using Sferum.Audit;
using Sferum.Common;
using Sferum.Identity;
using Sferum.Platform;

namespace Sferum.Schools;

public sealed class SchoolGrain(
    [PersistentState("state", GrainStorage.Default)] IPersistentState<SchoolState> state,
    SchoolAdminStore adminStore,
    SchoolClassesReader classesReader,
    AuditLog audit,
    TimeProvider clock) : Grain, ISchoolGrain, Audit.ISchoolScoped
{
    /// <summary>Keyed by the school: refusals here go to its audit log.</summary>
    public Guid? AuditSchoolId => this.GetPrimaryKey();

    // The admins table is written only through this grain, so the copy read at activation stays current.
    private List<SchoolAdmin> admins = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        admins = await adminStore.ListAsync(SchoolId);

    private Guid SchoolId => this.GetPrimaryKey();

    public async Task<SchoolSummary> CreateAsync(SchoolDraft draft)
    {
        draft = SchoolDraftValidator.Normalize(draft);
        var s = state.State;
        if (s.Created)
        {
            return s.Name == draft.Name && s.Region == draft.Region && s.TimeZone == draft.TimeZone
                ? ToSummary()
                : throw new DomainException("school.exists", "Школа с этим идентификатором уже существует.");
        }

        s.Created = true;
        s.Name = draft.Name;
        s.Region = draft.Region;
        s.TimeZone = draft.TimeZone;
        s.CreatedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        return ToSummary();
    }

    public Task<SchoolSummary?> GetAsync() => Task.FromResult(state.State.Created ? ToSummary() : null);

    public async Task<SchoolOverview> GetOverviewAsync(Guid requesterUserId)
    {
        await RequireAdminAsync(requesterUserId);
        var classes = await classesReader.ListAsync(SchoolId);
        return new SchoolOverview(ToSummary(), admins.ToList(), classes, state.State.JournalClients.Order().ToList(), state.State.ChatPolicy);
    }

    public async Task<bool> IsAdminAsync(Guid userId)
    {
        if (!state.State.Created)
        {
            return false;
        }

        var profile = await GrainFactory.GetGrain<IUserGrain>(userId).GetProfileAsync();
        return profile is not null && (profile.IsPlatformOperator || IsAppointed(profile));
    }

    public async Task<bool> IsAppointedAdminAsync(Guid userId) =>
        state.State.Created && await GrainFactory.GetGrain<IUserGrain>(userId).GetProfileAsync() is { } profile && IsAppointed(profile);

    public async Task RequirePersonalDataStaffAsync(Guid userId, bool operatorsToo)
    {
        var profile = await GrainFactory.GetGrain<IUserGrain>(userId).GetProfileAsync();
        if (!state.State.Created || profile is null
            || !(IsAppointed(profile) || (operatorsToo && profile is { IsPlatformOperator: true, Trust: TrustLevel.Confirmed })))
        {
            throw operatorsToo
                ? DomainException.Forbidden("school.forbidden-admins-operators", "Это видят только администраторы школы и операторы платформы.")
                : DomainException.Forbidden("school.forbidden-admins-see", "Это видят только администраторы школы.");
        }
    }

    public async Task<SchoolAdmin> AppointAdminAsync(Guid requesterUserId, string snils, PersonName name, string? secondFactorCode = null)
    {
        var requester = await RequireAdminAsync(requesterUserId);
        if (admins.Count == 0 && !requester.IsPlatformOperator)
        {
            throw DomainException.Forbidden("school.forbidden-first-admin", "Первого администратора школы назначает оператор платформы.");
        }

        if (!Snils.TryNormalize(snils, out var normalized))
        {
            throw new DomainException("snils.invalid", "СНИЛС «{0}» указан неверно: проверьте цифры и контрольное число.", snils);
        }

        name = ValidateName(name);
        await ConfirmRoleChangeAsync(requester, secondFactorCode);
        await adminStore.AddAsync(SchoolId, normalized, name, requesterUserId);
        admins = await adminStore.ListAsync(SchoolId);
        await audit.WriteAsync(new AuditEntry(SchoolId, requesterUserId, null, "school.admin-appointed",
            $"Назначен администратор школы: {name.FullName}"));
        return admins.Single(a => a.Snils == normalized);
    }

    public async Task RemoveAdminAsync(Guid requesterUserId, string snils, string? secondFactorCode = null)
    {
        var requester = await RequireAdminAsync(requesterUserId);
        Snils.TryNormalize(snils, out var normalized);
        var admin = admins.FirstOrDefault(a => a.Snils == normalized)
            ?? throw new DomainException("school.admin-unknown", "Такого администратора в школе нет.");
        if (admins.Count == 1 && !requester.IsPlatformOperator)
        {
            throw new DomainException("school.last-admin", "Нельзя снять последнего администратора школы: сначала назначьте другого.");
        }

        await ConfirmRoleChangeAsync(requester, secondFactorCode);
        await adminStore.RemoveAsync(SchoolId, admin.Snils);
        admins = await adminStore.ListAsync(SchoolId);
        await audit.WriteAsync(new AuditEntry(SchoolId, requesterUserId, null, "school.admin-removed",
            $"Снят администратор школы: {admin.Name.FullName}"));
    }

    public async Task SetJournalClientAsync(Guid requesterUserId, string clientId, bool allowed)
    {
        await RequireAdminAsync(requesterUserId);
        clientId = clientId.Trim();
        if (clientId.Length is 0 or > 100 || clientId.Any(char.IsWhiteSpace))
        {
            throw new DomainException("journal.client-invalid", "Идентификатор клиента журнала: от 1 до 100 символов без пробелов.");
        }

        var changed = allowed ? state.State.JournalClients.Add(clientId) : state.State.JournalClients.Remove(clientId);
        if (changed)
        {
            await state.WriteStateAsync();
            await audit.WriteAsync(new AuditEntry(SchoolId, requesterUserId, null,
                allowed ? "journal.client-allowed" : "journal.client-revoked",
                allowed ? $"Журналу {clientId} разрешено передавать списки" : $"Журналу {clientId} запрещено передавать списки"));
        }
    }

    public Task<bool> IsJournalClientAllowedAsync(string clientId) =>
        Task.FromResult(state.State.Created && state.State.JournalClients.Contains(clientId));

    public Task<SchoolChatPolicy> GetChatPolicyAsync() => Task.FromResult(state.State.ChatPolicy);

    public Task<QuietHours> GetQuietHoursAsync() => Task.FromResult(QuietHours.For(state.State.ChatPolicy, state.State.TimeZone));

    public async Task SetChatPolicyAsync(Guid requesterUserId, SchoolChatPolicy policy)
    {
        await RequireAdminAsync(requesterUserId);
        if (policy.MaxParentsPerStudent is < 1 or > 10)
        {
            throw new DomainException("school.policy-invalid", "Родителей у ученика: от 1 до 10.");
        }

        if (policy.QuietStartMinute is < 0 or >= 24 * 60 || policy.QuietEndMinute is < 0 or >= 24 * 60
            || policy.QuietStartMinute == policy.QuietEndMinute)
        {
            throw new DomainException("school.quiet-hours-invalid", "Тихие часы: укажите начало и конец (ЧЧ:ММ), они не должны совпадать.");
        }

        if (state.State.ChatPolicy != policy)
        {
            state.State.ChatPolicy = policy;
            await state.WriteStateAsync();
            await audit.WriteAsync(new AuditEntry(SchoolId, requesterUserId, null, "school.chat-policy",
                $"Правила чатов: ученики пишут одноклассникам — {(policy.StudentsMayWriteToClassmates ? "да" : "нет")}, родители пишут родителям — {(policy.ParentsMayWriteToParents ? "да" : "нет")}, "
                + $"упрощённые учётные записи по приглашению — {(policy.SimplifiedAccountsMayJoin ? "да" : "нет")}, родителей у ученика — не больше {policy.MaxParentsPerStudent}, "
                + $"тихие часы — {(policy.QuietHoursOff ? "нет" : QuietHours.For(policy, state.State.TimeZone).Window)}"));
        }
    }

    public async Task SeedAccessAsync(string adminSnils, PersonName adminName, string? journalClientId)
    {
        if (Snils.TryNormalize(adminSnils, out var snils) && admins.All(a => a.Snils != snils))
        {
            await adminStore.AddAsync(SchoolId, snils, adminName, null);
            admins = await adminStore.ListAsync(SchoolId);
        }

        if (journalClientId is not null && state.State.JournalClients.Add(journalClientId))
        {
            await state.WriteStateAsync();
        }
    }

    // Role changes are sensitive: a school admin confirms them with a one-time code. Platform operators, who appoint the
    // first admin of a school, act from the operator's console and are not asked (see README, "Second factor").
    private Task ConfirmRoleChangeAsync(UserProfile requester, string? secondFactorCode) =>
        requester.IsPlatformOperator
            ? Task.CompletedTask
            : GrainFactory.GetGrain<IUserGrain>(requester.UserId).VerifySecondFactorAsync(secondFactorCode);

    private async Task<UserProfile> RequireAdminAsync(Guid userId)
    {
        var profile = await GrainFactory.GetGrain<IUserGrain>(userId).GetProfileAsync();
        if (!state.State.Created || profile is null || !(profile.IsPlatformOperator || IsAppointed(profile)))
        {
            throw DomainException.Forbidden("school.forbidden-admins", "Это доступно только администраторам школы.");
        }

        return profile;
    }

    // Only a verified account proves that its SNILS is really the person's.
    private bool IsAppointed(UserProfile profile) =>
        profile.Trust >= TrustLevel.Standard && profile.Snils is not null && admins.Any(a => a.Snils == profile.Snils);

    private static PersonName ValidateName(PersonName name)
    {
        var last = name.LastName?.Trim() ?? "";
        var first = name.FirstName?.Trim() ?? "";
        if (last.Length is 0 or > 100 || first.Length is 0 or > 100)
        {
            throw new DomainException("name.invalid", "Укажите фамилию и имя (до 100 символов).");
        }

        var middle = string.IsNullOrWhiteSpace(name.MiddleName) ? null : name.MiddleName.Trim();
        return new PersonName(last, first, middle);
    }

    private SchoolSummary ToSummary() =>
        new(SchoolId, state.State.Name, state.State.Region, state.State.TimeZone, state.State.CreatedAt);
}
