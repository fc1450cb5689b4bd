using Microsoft.Extensions.Options;
using Sferum.Audit;
using Sferum.Chats;
using Sferum.Classes;
using Sferum.Common;
using Sferum.Identity;
using Sferum.Localization;
using Sferum.Schools;

namespace Sferum.Invitations;

/// <summary>
/// One invitation link. Non-reentrant: checks and joins of one link run one at a time, so its use limit holds (the
/// database update is conditional as well).
/// </summary>
public sealed class InvitationGrain(
    InvitationStore store,
    ParentLinks parents,
    AuditLog audit,
    IOptions<InvitationOptions> options,
    Platform.GrainMetrics metrics,
    TimeProvider clock) : Grain, IInvitationGrain, ISchoolScoped
{
    private InvitationRecord? record;

    private Guid InvitationId => this.GetPrimaryKey();

    public Guid? AuditSchoolId => record?.SchoolId;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        record = await store.LoadAsync(InvitationId);

    public async Task<InvitationCreated> CreateAsync(Guid requesterUserId, InvitationDraft draft)
    {
        if (record is not null)
        {
            throw new DomainException("invitation.exists", "Приглашение с таким номером уже есть.");
        }

        if (draft.ExpiresInDays is < 1 or > InvitationDraft.MaxExpiryDays)
        {
            throw new DomainException("invitation.expiry-invalid", "Срок действия: от 1 до {0} дней.", InvitationDraft.MaxExpiryDays);
        }

        if (draft.MaxUses is < 1 or > InvitationDraft.MaxUseLimit)
        {
            throw new DomainException("invitation.uses-invalid", "Число использований: от 1 до {0}.", InvitationDraft.MaxUseLimit);
        }

        var target = await ResolveTargetAsync(requesterUserId, draft);
        if (draft.Role == InvitationRole.Teacher)
        {
            // Letting someone in as staff gives them a class: confirmed by a one-time code, not by a stolen session alone.
            await GrainFactory.GetGrain<IUserGrain>(requesterUserId).VerifySecondFactorAsync(draft.SecondFactorCode);
        }

        var token = InvitationToken.Create(InvitationId);
        var now = clock.GetUtcNow();
        var created = target with
        {
            SecretHash = InvitationToken.Hash(token),
            CreatedBy = requesterUserId,
            CreatedAt = now,
            ExpiresAt = now.AddDays(draft.ExpiresInDays),
        };
        await store.InsertAsync(created);
        record = created;
        await audit.WriteAsync(new AuditEntry(created.SchoolId, requesterUserId, null, "invitation.created",
            $"Приглашение в «{created.TargetTitle}» ({RoleText(created.Role)}{(created.ChildName is null ? "" : ", ребёнок: " + created.ChildName)}), "
            + $"до {created.ExpiresAt:dd.MM.yyyy}, использований: {created.MaxUses}{(created.RequiresApproval ? ", с одобрением" : "")}",
            Details(("invitation", InvitationId), ("chat", created.ChatId), ("role", created.Role.ToString()))));
        return new InvitationCreated(InvitationId, token);
    }

    public async Task<InvitationDetails> GetAsync(Guid requesterUserId)
    {
        var r = Known();
        if (r.CreatedBy != requesterUserId)
        {
            await RequireManagerAsync(requesterUserId, r);
        }

        var creator = await GrainFactory.GetGrain<IUserGrain>(r.CreatedBy).GetProfileAsync();
        return new InvitationDetails(r.InvitationId, r.SchoolId, r.Target, r.ClassId, r.ChatId, r.TargetTitle, r.Role, r.ChildName,
            r.CreatedBy, creator?.Name.FullName ?? "—", r.CreatedAt, r.ExpiresAt, r.MaxUses, r.Uses, r.RequiresApproval, r.RevokedAt,
            r.StateAt(clock.GetUtcNow()), await store.UsesAsync(InvitationId));
    }

    public async Task<InvitationOffer> CheckAsync(InvitationAttempt attempt)
    {
        var (r, person, existing) = await AdmitAsync(attempt);
        var school = await GrainFactory.GetGrain<ISchoolGrain>(r.SchoolId).GetAsync();
        return new InvitationOffer(school?.Name ?? "", r.Target, r.TargetTitle, r.Role, r.ChildName, r.RequiresApproval, existing?.Status);
    }

    public async Task<RedeemResult> RedeemAsync(InvitationAttempt attempt)
    {
        var (r, person, existing) = await AdmitAsync(attempt);
        if (existing is not null)
        {
            // Following the same link again changes nothing and uses nothing up.
            return new RedeemResult(existing.Status, r.ChatId, r.TargetTitle);
        }

        var join = !r.RequiresApproval;
        if (!await store.AddUseAsync(r, attempt.UserId, person.Name, join))
        {
            record = await store.LoadAsync(InvitationId);
            throw Exhausted();
        }

        record = r with { Uses = r.Uses + 1 };
        await audit.WriteAsync(new AuditEntry(r.SchoolId, attempt.UserId, null, join ? "invitation.joined" : "invitation.requested",
            $"{person.Name.FullName} {(join ? "присоединился(-ась) к" : "просит присоединиться к")} «{r.TargetTitle}» как {RoleText(r.Role)} по приглашению",
            Details(("invitation", InvitationId), ("chat", r.ChatId), ("address", attempt.Address))));
        if (join)
        {
            await MembershipChangedAsync(r);
        }

        return new RedeemResult(join ? InvitationUseStatus.Joined : InvitationUseStatus.Pending, r.ChatId, r.TargetTitle);
    }

    public async Task RevokeAsync(Guid requesterUserId)
    {
        var r = Known();
        if (r.CreatedBy != requesterUserId)
        {
            await RequireManagerAsync(requesterUserId, r);
        }

        if (r.RevokedAt is not null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        await store.RevokeAsync(InvitationId, requesterUserId, now);
        record = r with { RevokedAt = now };
        await audit.WriteAsync(new AuditEntry(r.SchoolId, requesterUserId, null, "invitation.revoked",
            $"Приглашение в «{r.TargetTitle}» отозвано", Details(("invitation", InvitationId))));
    }

    public async Task DecideAsync(Guid requesterUserId, Guid userId, bool approve)
    {
        var r = Known();
        await RequireManagerAsync(requesterUserId, r);
        var person = await GrainFactory.GetGrain<IUserGrain>(userId).GetProfileAsync()
            ?? throw new DomainException("invitation.request-unknown", "Такой заявки нет.");
        if (approve)
        {
            await RequireParentRoomAsync(r, await GrainFactory.GetGrain<ISchoolGrain>(r.SchoolId).GetChatPolicyAsync());
        }

        if (!await store.DecideAsync(r, userId, person.Name, approve, requesterUserId))
        {
            throw new DomainException("invitation.request-unknown", "Такой заявки нет (или по ней уже решили).") { Key = "invitation.request-decided" };
        }

        await audit.WriteAsync(new AuditEntry(r.SchoolId, requesterUserId, null, approve ? "invitation.approved" : "invitation.declined",
            $"Заявка {person.Name.FullName} в «{r.TargetTitle}» {(approve ? "одобрена" : "отклонена")}",
            Details(("invitation", InvitationId), ("user", userId)), SubjectUserId: userId));
        if (approve)
        {
            await MembershipChangedAsync(r);
            // The chat passes it on only when the person is in it now (one way: the decision is saved already).
            var approver = await GrainFactory.GetGrain<IUserGrain>(requesterUserId).GetProfileAsync();
            await GrainFactory.GetGrain<IChatGrain>(r.ChatId).NotifyMembersAsync(new ChatNotice(Notifications.NotificationKind.InvitationApproved,
                requesterUserId, approver?.Name.DisplayName ?? "", GrainTexts.Format("Notice.InvitationApproved", r.TargetTitle), Recipients: [userId]));
        }
    }

    public async Task RemoveAsync(Guid requesterUserId, Guid userId)
    {
        var r = Known();
        await RequireManagerAsync(requesterUserId, r);
        if (!await store.RemoveAsync(r, userId, requesterUserId))
        {
            throw new DomainException("invitation.member-unknown", "Этот человек не присоединялся по этому приглашению (или уже удалён).");
        }

        await audit.WriteAsync(new AuditEntry(r.SchoolId, requesterUserId, null, "invitation.member-removed",
            $"Удалён(а) из «{r.TargetTitle}» участник, пришедший по приглашению", Details(("invitation", InvitationId), ("user", userId)), SubjectUserId: userId));
        await MembershipChangedAsync(r);
    }

    public async Task<int> RemoveAllAsync(Guid requesterUserId, string? secondFactorCode)
    {
        var r = Known();
        await RequireManagerAsync(requesterUserId, r);
        await GrainFactory.GetGrain<IUserGrain>(requesterUserId).VerifySecondFactorAsync(secondFactorCode);
        var removed = 0;
        foreach (var use in (await store.UsesAsync(InvitationId)).Where(u => u.Status == InvitationUseStatus.Joined))
        {
            removed += await store.RemoveAsync(r, use.UserId, requesterUserId) ? 1 : 0;
        }

        await audit.WriteAsync(new AuditEntry(r.SchoolId, requesterUserId, null, "invitation.members-removed",
            $"Из «{r.TargetTitle}» удалены все пришедшие по приглашению: {removed}", Details(("invitation", InvitationId), ("count", removed))));
        if (removed > 0)
        {
            await MembershipChangedAsync(r);
        }

        return removed;
    }

    /// <summary>
    /// The checks every attempt passes, in an order that leaks nothing: the rate limits first (so guessing is slow even
    /// for ids that do not exist), then the token, then the link's state, then whether it is for this person.
    /// </summary>
    private async Task<(InvitationRecord Record, UserProfile Person, InvitationUse? Existing)> AdmitAsync(InvitationAttempt attempt)
    {
        var o = options.Value;
        var window = TimeSpan.FromMinutes(o.WindowMinutes);
        if (!await GrainFactory.GetGrain<IAttemptLimitGrain>("invite-user:" + attempt.UserId).TryTakeAsync(o.AttemptsPerUser, window)
            || !await GrainFactory.GetGrain<IAttemptLimitGrain>("invite-address:" + attempt.Address).TryTakeAsync(o.AttemptsPerAddress, window))
        {
            metrics.RateLimited("invitation.attempts");
            await audit.WriteAsync(new AuditEntry(record?.SchoolId, attempt.UserId, null, "invitation.rate-limited",
                "Слишком много попыток открыть приглашения", Details(("address", attempt.Address))));
            throw new DomainException("invitation.rate-limited", "Слишком много попыток. Попробуйте снова через {0} минут.", o.WindowMinutes);
        }

        // Re-read on every attempt: the table is the authority (an operator may extend or end a link there).
        record = await store.LoadAsync(InvitationId);
        if (record is not { } r || !InvitationToken.Matches(attempt.Token ?? "", r.SecretHash))
        {
            await audit.WriteAsync(new AuditEntry(null, attempt.UserId, null, "invitation.unknown-token",
                "Попытка открыть несуществующее приглашение", Details(("address", attempt.Address))));
            throw new DomainException("invitation.unknown", "Такого приглашения нет. Проверьте, что ссылка скопирована целиком.") { Key = "invitation.unknown-link" };
        }

        var person = await GrainFactory.GetGrain<IUserGrain>(attempt.UserId).GetProfileAsync()
            ?? throw new DomainException("user.unknown", "Войдите, чтобы принять приглашение.") { Key = "invitation.sign-in-required" };
        var existing = (await store.UsesAsync(InvitationId)).FirstOrDefault(u => u.UserId == attempt.UserId);
        if (existing is { Status: InvitationUseStatus.Removed or InvitationUseStatus.Declined })
        {
            throw new DomainException("invitation.declined", "Вас уже не пускали по этому приглашению. Обратитесь к тому, кто его прислал.");
        }

        if (existing is not null)
        {
            return (r, person, existing);
        }

        switch (r.StateAt(clock.GetUtcNow()))
        {
            case InvitationState.Revoked:
                throw new DomainException("invitation.revoked", "Это приглашение отозвано. Попросите новое.");
            case InvitationState.Expired:
                throw new DomainException("invitation.expired", "Срок действия приглашения истёк. Попросите новое.");
            case InvitationState.Exhausted:
                throw Exhausted();
        }

        await RequireEligibleAsync(r, person);
        return (r, person, null);
    }

    private async Task RequireEligibleAsync(InvitationRecord r, UserProfile person)
    {
        var policy = await GrainFactory.GetGrain<ISchoolGrain>(r.SchoolId).GetChatPolicyAsync();
        if (r.Role == InvitationRole.Teacher && person.Trust < TrustLevel.Confirmed)
        {
            throw new DomainException("invitation.not-for-you", "Как сотрудник школы можно войти только с подтверждённой учётной записью Госуслуг.") { Key = "invitation.staff-not-confirmed" };
        }

        if (r.Role != InvitationRole.Teacher && person.Trust == TrustLevel.Simplified && !policy.SimplifiedAccountsMayJoin)
        {
            throw new DomainException("invitation.account-not-verified",
                "Школа принимает по приглашению только проверенные учётные записи Госуслуг (стандартные или подтверждённые). "
                + "Подтвердите учётную запись на Госуслугах и войдите снова.");
        }

        if (r.Role == InvitationRole.Parent)
        {
            if (r.ChildUserId == person.UserId || (r.ChildJournalId is not null && await ChildIsAsync(r, person.UserId)))
            {
                throw new DomainException("invitation.not-for-you", "Нельзя стать родителем самого себя.") { Key = "invitation.parent-of-self" };
            }

            await RequireParentRoomAsync(r, policy);
        }
    }

    private async Task RequireParentRoomAsync(InvitationRecord r, SchoolChatPolicy policy)
    {
        if (r.Role == InvitationRole.Parent && await parents.ParentCountAsync(r.SchoolId, r.ChildJournalId, r.ChildUserId) >= policy.MaxParentsPerStudent)
        {
            throw new DomainException("invitation.parent-limit",
                "У ученика уже {0} родителя в Сферуме — больше школа не разрешает. Обратитесь к администратору школы.", policy.MaxParentsPerStudent);
        }
    }

    private async Task<bool> ChildIsAsync(InvitationRecord r, Guid userId)
    {
        var roles = await GrainFactory.GetGrain<IClassGrain>(r.ClassId!.Value).GetRolesAsync(userId);
        return roles.Contains(ClassRole.Student)
            && (await GrainFactory.GetGrain<IClassGrain>(r.ClassId!.Value).GetAsync(userId)).Members
                .Any(m => m.UserId == userId && m.Role == ClassRole.Student && m.JournalId == r.ChildJournalId);
    }

    /// <summary>What the invitation will point at, after checking that the requester may invite into it with that role.</summary>
    private async Task<InvitationRecord> ResolveTargetAsync(Guid requester, InvitationDraft draft)
    {
        Guid schoolId, chatId;
        Guid? classId = null;
        string title;
        string? childJournal = null, childName = null;
        Guid? childUser = null;
        var requiresApproval = draft.RequiresApproval;
        var maxUses = draft.MaxUses;
        if (draft.Target is InvitationTarget.ClassChat or InvitationTarget.ParentsChat)
        {
            var cls = await GrainFactory.GetGrain<IClassGrain>(draft.ClassId ?? throw new DomainException("invitation.invalid", "Не указан класс.") { Key = "invitation.class-missing" }).GetAsync(requester);
            if (cls.Removed)
            {
                throw new DomainException("invitation.class-removed", "Класс расформирован: приглашать в него нельзя.");
            }

            var manager = await IsClassManagerAsync(requester, cls);
            var parents = draft.Target == InvitationTarget.ParentsChat;
            var allowed = parents ? new[] { InvitationRole.Parent, InvitationRole.Teacher } : [InvitationRole.Student, InvitationRole.Teacher];
            if (!allowed.Contains(draft.Role))
            {
                throw parents
                    ? new DomainException("invitation.invalid", "В чат родителей приглашают родителей или учителей.") { Key = "invitation.parents-chat-role" }
                    : new DomainException("invitation.invalid", "В чат класса приглашают учеников или учителей.") { Key = "invitation.class-chat-role" };
            }

            if (draft.Role == InvitationRole.Parent)
            {
                var child = cls.Members.FirstOrDefault(m => m.Role == ClassRole.Student && m.JournalId == draft.ChildKey)
                    ?? throw new DomainException("invitation.invalid", "Выберите ученика этого класса, чьих родителей вы приглашаете.") { Key = "invitation.child-missing" };
                var forOwnParent = child.UserId == requester;
                if (!manager && !forOwnParent)
                {
                    throw DomainException.Forbidden("invitation.forbidden-parents", "Родителей приглашают учителя класса; ученик — только своих родителей.");
                }

                (childName, childUser, childJournal) = (child.DisplayName, ChildUserOf(child), ChildUserOf(child) is null ? child.JournalId : null);
                if (!manager)
                {
                    // A pupil's own link lets in whoever holds it: a teacher of the class approves each parent.
                    requiresApproval = true;
                    maxUses = Math.Min(maxUses, SchoolChatPolicy.DefaultMaxParentsPerStudent);
                }
            }
            else if (!manager)
            {
                throw DomainException.Forbidden("invitation.forbidden-class", "Приглашать в класс могут его учителя и администраторы школы.");
            }

            (schoolId, classId, chatId, title) = (cls.SchoolId, cls.ClassId, parents ? cls.ParentsChatId : cls.ClassChatId,
                parents ? $"{cls.Name}: чат родителей" : $"{cls.Name}: чат класса");
        }
        else
        {
            var access = await GrainFactory.GetGrain<IChatGrain>(draft.ChatId ?? throw new DomainException("invitation.invalid", "Не указан чат.") { Key = "invitation.chat-missing" }).GetAccessAsync(requester);
            var kind = draft.Target == InvitationTarget.Group ? ChatKind.Group : ChatKind.Community;
            if (access.Kind != kind)
            {
                throw new DomainException("invitation.invalid", "По ссылке приглашают только в группы и сообщества.") { Key = "invitation.chat-kind" };
            }

            if (!access.CanModerate)
            {
                throw DomainException.Forbidden("invitation.forbidden-group", "Приглашать могут только руководители группы.");
            }

            if (draft.Role != InvitationRole.Member)
            {
                throw new DomainException("invitation.invalid", "В группу приглашают участником.") { Key = "invitation.group-role" };
            }

            (schoolId, chatId, title) = (access.SchoolId, access.ChatId, access.Title);
        }

        return new InvitationRecord(InvitationId, [], schoolId, draft.Target, classId, chatId, title, draft.Role, childJournal, childUser,
            childName, requester, default, default, maxUses, 0, requiresApproval, null);
    }

    /// <summary>A child who joined by invitation is named by user id ("u:…" on the class page); one from the roster by journal id.</summary>
    private static Guid? ChildUserOf(ClassMember child) =>
        child.JournalId.StartsWith("u:", StringComparison.Ordinal) ? child.UserId : null;

    private async Task<bool> IsClassManagerAsync(Guid userId, ClassDetails cls) =>
        cls.Members.Any(m => m.UserId == userId && m.Role is ClassRole.Teacher or ClassRole.HomeroomTeacher)
        || await GrainFactory.GetGrain<ISchoolGrain>(cls.SchoolId).IsAdminAsync(userId);

    /// <summary>Who decides about a link's requests and members: the class's teachers, the group's moderators, the school's admins.</summary>
    private async Task RequireManagerAsync(Guid userId, InvitationRecord r)
    {
        bool manager;
        if (r.IsClassTarget)
        {
            var roles = await GrainFactory.GetGrain<IClassGrain>(r.ClassId!.Value).GetRolesAsync(userId);
            manager = roles.Any(x => x is ClassRole.Teacher or ClassRole.HomeroomTeacher);
        }
        else
        {
            manager = await GrainFactory.GetGrain<IChatGrain>(r.ChatId).IsMemberAsync(userId)
                && (await GrainFactory.GetGrain<IChatGrain>(r.ChatId).GetAccessAsync(userId)).CanModerate;
        }

        if (!manager && !await GrainFactory.GetGrain<ISchoolGrain>(r.SchoolId).IsAdminAsync(userId))
        {
            throw DomainException.Forbidden("invitation.forbidden-manage", "Приглашением управляют учителя класса, руководители группы и администраторы школы.");
        }
    }

    private async Task MembershipChangedAsync(InvitationRecord r)
    {
        if (r.IsClassTarget)
        {
            await GrainFactory.GetGrain<IClassGrain>(r.ClassId!.Value).RefreshAsync();
        }
        else
        {
            await GrainFactory.GetGrain<IChatGrain>(r.ChatId).MembersChangedAsync();
        }
    }

    // An unknown id behaves exactly like a wrong token: nothing tells the two apart.
    private InvitationRecord Known() => record ?? throw new DomainException("invitation.unknown", "Такого приглашения нет.");

    private static DomainException Exhausted() =>
        new DomainException("invitation.exhausted", "По этому приглашению уже присоединились все, для кого оно было. Попросите новое.");

    private static Dictionary<string, object?> Details(params (string Key, object? Value)[] items) =>
        items.ToDictionary(i => i.Key, i => i.Value);

    public static string RoleText(InvitationRole role) => role switch
    {
        InvitationRole.Student => "ученик",
        InvitationRole.Parent => "родитель",
        InvitationRole.Teacher => "учитель",
        _ => "участник",
    };
}
