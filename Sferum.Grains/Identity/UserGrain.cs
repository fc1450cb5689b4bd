using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sferum.Chats;
using Sferum.Classes;
using Sferum.Common;
using Sferum.Platform;
using Sferum.Schools;

namespace Sferum.Identity;

public sealed class UserGrain(
    [PersistentState("state", GrainStorage.Default)] IPersistentState<UserState> state,
    IOptions<PlatformOptions> platform,
    UserIdentityStore identities,
    SchoolAdminStore schoolAdmins,
    ChatDirectory chats,
    ParentLinks parents,
    Audit.AuditLog audit,
    ILogger<UserGrain> logger,
    TimeProvider clock) : Grain, IUserGrain
{
    public Task<UserProfile?> GetProfileAsync() =>
        Task.FromResult(state.State.Created ? ToProfile() : null);

    public async Task<UserProfile> RecordSignInAsync(ExternalIdentity identity)
    {
        ExternalIdentityValidator.Validate(identity);
        var s = state.State;
        if (s.Erased)
        {
            throw new DomainException("identity.erased", "Персональные данные этой учётной записи уничтожены.");
        }

        if (s.Disabled)
        {
            throw new DomainException("identity.disabled", "Учётная запись заблокирована администратором Сферума.");
        }

        if (s.Created && (s.Provider != identity.Provider || s.Subject != identity.Subject))
        {
            throw DomainException.Forbidden("identity.forbidden-linked", "Эта учётная запись уже связана с другим входом.");
        }

        var renamed = s.Created && s.Name != identity.Name;
        var now = clock.GetUtcNow();
        if (!s.Created)
        {
            s.Created = true;
            s.CreatedAt = now;
            s.Provider = identity.Provider;
            s.Subject = identity.Subject;
        }

        // The provider is the authority on who the person is: its claims replace what we stored.
        s.Name = identity.Name;
        Common.Snils.TryNormalize(identity.Snils, out var snils);
        s.Snils = string.IsNullOrEmpty(snils) ? null : snils;
        s.Email = identity.EmailVerified ? identity.Email : null;
        s.Phone = identity.PhoneVerified ? identity.Phone : null;
        s.Trust = identity.Trust;
        s.IsPlatformOperator = IsOperator(identity, s.Snils);
        s.ChildrenSnils = s.Trust >= TrustLevel.Standard
            ? (identity.ChildrenSnils ?? []).Select(c => Common.Snils.TryNormalize(c, out var n) ? n : null).OfType<string>().Where(c => c != s.Snils).Distinct().ToList()
            : [];
        s.LastSignInAt = now;
        await state.WriteStateAsync();
        if (renamed)
        {
            await TellChatsOfNewNameAsync();
        }

        var joinedClasses = await identities.RecordAndLinkAsync(this.GetPrimaryKey(), s.Trust, s.Snils, s.Email, s.Phone);
        if (joinedClasses.Count > 0)
        {
            s.RecentlyJoinedClasses = joinedClasses;
            await state.WriteStateAsync();
            logger.LogInformation("User {UserId} joined {ClassCount} classes through the journal", this.GetPrimaryKey(), joinedClasses.Count);
            await Task.WhenAll(joinedClasses.Select(id => GrainFactory.GetGrain<IClassGrain>(id).RefreshAsync()));
        }

        return ToProfile();
    }

    // Her chats keep names in memory (ChatGrain.AuthorNameAsync): a new surname must not wait for them to deactivate.
    // Rare (a marriage, a corrected spelling), so asking each of her chats is fine. A chat that cannot be told does not
    // refuse her sign-in: it shows the old name until it deactivates, and the log says so.
    private async Task TellChatsOfNewNameAsync()
    {
        var userId = this.GetPrimaryKey();
        try
        {
            await Task.WhenAll((await GetChatIdsAsync()).Select(id => GrainFactory.GetGrain<IChatGrain>(id).PersonRenamedAsync(userId)));
        }
        catch (Exception e) when (e is TimeoutException or OrleansException or DomainException or Npgsql.NpgsqlException)
        {
            logger.LogWarning(e, "User {UserId} was renamed; some of her chats were not told and show the old name until they deactivate", userId);
        }
    }

    public async Task<IReadOnlyList<Guid>> GetClassIdsAsync() =>
        state.State.Created ? await identities.ClassesOfAsync(this.GetPrimaryKey()) : [];

    public async Task<IReadOnlyList<Guid>> TakeRecentlyJoinedClassesAsync()
    {
        var joined = state.State.RecentlyJoinedClasses;
        if (joined.Count > 0)
        {
            state.State.RecentlyJoinedClasses = [];
            await state.WriteStateAsync();
        }

        return joined;
    }

    public async Task<IReadOnlyList<Guid>> GetChatIdsAsync()
    {
        if (!state.State.Created)
        {
            return [];
        }

        var userId = this.GetPrimaryKey();
        var classes = await Task.WhenAll((await identities.ClassesOfAsync(userId)).Select(id => GrainFactory.GetGrain<IClassGrain>(id).GetAsync(userId)));
        var candidates = classes.SelectMany(c => new[] { c.ClassChatId, c.ParentsChatId }).Concat(await chats.ChatsOfAsync(userId)).ToList();
        foreach (var schoolId in classes.Select(c => c.SchoolId).Distinct())
        {
            candidates.Add(await GrainFactory.GetGrain<ISchoolChatsGrain>(schoolId).GetChannelAsync(userId));
        }

        // A class chat holds only some of the class (students or parents); membership is each chat's own answer.
        var ids = candidates.Distinct().ToList();
        var member = await Task.WhenAll(ids.Select(id => GrainFactory.GetGrain<IChatGrain>(id).IsMemberAsync(userId)));
        return ids.Where((_, i) => member[i]).ToList();
    }

    public async Task<IReadOnlyList<SchoolSummary>> GetAdministeredSchoolsAsync()
    {
        // Appointment is by SNILS, and only a verified account proves its SNILS.
        var s = state.State;
        if (!s.Created || s.Snils is null || s.Trust < TrustLevel.Standard)
        {
            return [];
        }

        var schools = await Task.WhenAll((await schoolAdmins.SchoolsOfAsync(s.Snils))
            .Select(id => GrainFactory.GetGrain<ISchoolGrain>(id).GetAsync()));
        return schools.OfType<SchoolSummary>().OrderBy(x => x.Name, StringComparer.CurrentCulture).ToList();
    }

    public async Task<string> BeginSecondFactorAsync()
    {
        var s = RequireCreated();
        s.PendingSecondFactorSecret = SecondFactor.NewSecret();
        await state.WriteStateAsync();
        return SecondFactor.EnrolmentUri(s.PendingSecondFactorSecret, s.Name.FullName);
    }

    public async Task ConfirmSecondFactorAsync(string code)
    {
        var s = RequireCreated();
        var secret = s.PendingSecondFactorSecret
            ?? throw new DomainException("second-factor.not-started", "Сначала получите новый код для приложения.");
        var step = SecondFactor.Verify(secret, code, 0, clock.GetUtcNow().UtcDateTime)
            ?? throw new DomainException("second-factor.invalid", "Код не подошёл. Введите шесть цифр, которые показывает приложение сейчас.");
        s.SecondFactorSecret = secret;
        s.PendingSecondFactorSecret = null;
        s.LastSecondFactorStep = step;
        await state.WriteStateAsync();
    }

    public async Task VerifySecondFactorAsync(string? code)
    {
        var s = RequireCreated();
        if (s.SecondFactorSecret is null)
        {
            throw new DomainException("second-factor.required",
                "Для этого действия нужен второй фактор: подключите приложение для одноразовых кодов в своём профиле.");
        }

        var step = SecondFactor.Verify(s.SecondFactorSecret, code, s.LastSecondFactorStep, clock.GetUtcNow().UtcDateTime)
            ?? throw new DomainException("second-factor.invalid", "Одноразовый код не подошёл (или уже был использован).") { Key = "second-factor.one-time-invalid" };
        s.LastSecondFactorStep = step;
        await state.WriteStateAsync();
    }

    public async Task<IReadOnlyList<ProposedChild>> GetProposedChildrenAsync() =>
        state.State.Created ? await parents.ProposalsAsync(this.GetPrimaryKey(), state.State.ChildrenSnils) : [];

    public async Task ConfirmChildAsync(Guid classId, string journalId)
    {
        var s = RequireCreated();
        var userId = this.GetPrimaryKey();
        // Only what the provider vouched for can be confirmed: the proposal is looked up again, not trusted from the caller.
        var child = (await parents.ProposalsAsync(userId, s.ChildrenSnils)).FirstOrDefault(p => p.ClassId == classId && p.JournalId == journalId)
            ?? throw DomainException.Forbidden("identity.forbidden-not-child", "Госуслуги не называют этого ученика вашим ребёнком.");
        var schoolId = child.SchoolId;
        var policy = await GrainFactory.GetGrain<ISchoolGrain>(schoolId).GetChatPolicyAsync();
        if (await parents.ParentCountAsync(schoolId, journalId, null) >= policy.MaxParentsPerStudent)
        {
            throw new DomainException("invitation.parent-limit",
                "У ученика уже {0} родителя в Сферуме — больше школа не разрешает. Обратитесь к администратору школы.", policy.MaxParentsPerStudent);
        }

        await parents.AddFromProviderAsync(classId, schoolId, journalId, userId, s.Name);
        await audit.WriteAsync(new Audit.AuditEntry(schoolId, userId, null, "parent.linked-by-provider",
            $"{s.Name.FullName} подтвердил(а), что он(а) родитель ученика {child.ChildName} ({child.ClassName}), по данным Госуслуг",
            new Dictionary<string, object?> { ["class"] = classId, ["child"] = journalId }));
        await GrainFactory.GetGrain<IClassGrain>(classId).RefreshAsync();
    }

    public async Task SetDisabledAsync(Guid requesterUserId, bool disabled)
    {
        var s = RequireCreated();
        var requester = requesterUserId == this.GetPrimaryKey() ? ToProfile() : await GrainFactory.GetGrain<IUserGrain>(requesterUserId).GetProfileAsync();
        if (requester is not { IsPlatformOperator: true } || requesterUserId == this.GetPrimaryKey())
        {
            throw DomainException.Forbidden("identity.forbidden-disable", "Блокировать учётные записи могут только операторы платформы (и не свою).");
        }

        if (s.Disabled == disabled)
        {
            return;
        }

        s.Disabled = disabled;
        await state.WriteStateAsync();
        if (disabled)
        {
            await GrainFactory.GetGrain<Sessions.IUserSessionsGrain>(this.GetPrimaryKey()).EndAllAsync("account-disabled");
        }

        await audit.WriteAsync(new Audit.AuditEntry(null, requesterUserId, null, disabled ? "user.disabled" : "user.enabled",
            $"Учётная запись {s.Name.FullName} {(disabled ? "заблокирована" : "разблокирована")}",
            new Dictionary<string, object?> { ["user"] = this.GetPrimaryKey() }, SubjectUserId: this.GetPrimaryKey()));
    }

    public async Task EraseAsync()
    {
        var s = state.State;
        if (s.Erased)
        {
            return;
        }

        await GrainFactory.GetGrain<Sessions.IUserSessionsGrain>(this.GetPrimaryKey()).EndAllAsync("erased");
        if (s.Created)
        {
            await GrainFactory.GetGrain<IIdentityIndexGrain>(IIdentityIndexGrain.KeyFor(s.Provider, s.Subject)).ForgetAsync(this.GetPrimaryKey());
        }

        // A fresh state with only the marker: the stored row then holds no name, number or secret.
        state.State = new UserState { Erased = true };
        await state.WriteStateAsync();
        logger.LogInformation("User {UserId} erased", this.GetPrimaryKey());
    }

    private UserState RequireCreated() =>
        state.State.Created ? state.State : throw new DomainException("user.unknown", "Такого пользователя нет.");

    private bool IsOperator(ExternalIdentity identity, string? snils) =>
        identity.Trust == TrustLevel.Confirmed
        && platform.Value.Operators.Any(o =>
            string.Equals(o, identity.Subject, StringComparison.Ordinal)
            || (snils is not null && Common.Snils.TryNormalize(o, out var operatorSnils) && operatorSnils == snils));

    private UserProfile ToProfile()
    {
        var s = state.State;
        return new UserProfile(this.GetPrimaryKey(), s.Name, s.Snils, s.Email, s.Phone, s.Trust, s.IsPlatformOperator, s.CreatedAt, s.LastSignInAt,
            s.SecondFactorSecret is not null);
    }
}
