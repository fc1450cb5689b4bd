using Sferum.Audit;
using Sferum.Chats;
using Sferum.Common;
using Sferum.Identity;
using Sferum.Schools;

namespace Sferum.Communities;

/// <summary>
/// One school's directory of communities. The community's chat grain says who leads it (its moderators, and the
/// school's admins); this grain keeps the directory, the requests and the leader flags, and tells the chat to re-read
/// its members after each change.
/// </summary>
public sealed class CommunityDirectoryGrain(CommunityStore store, SchoolPeople people, AuditLog audit) : Grain, ICommunityDirectoryGrain, ISchoolScoped
{
    private Guid SchoolId => this.GetPrimaryKey();

    public Guid? AuditSchoolId => SchoolId;

    public async Task<IReadOnlyList<CommunityCard>> ListAsync(Guid userId)
    {
        var (rows, staff, grades, parent) = await ViewerAsync(userId);
        return rows.Where(r => CommunityRules.Sees(r, staff, grades, parent))
            .Select(r => new CommunityCard(r.ChatId, r.Title, r.Description, r.OpenGrades, r.OpenToParents, r.Members, CommunityRules.StandingOf(r)))
            .ToList();
    }

    public async Task<Guid> CreateAsync(Guid userId, CommunitySettings settings)
    {
        var valid = CommunityRules.Normalize(settings);
        // The school's chats grain checks that the requester is staff and creates the chat with them as its leader.
        var chatId = await GrainFactory.GetGrain<ISchoolChatsGrain>(SchoolId).CreateCommunityAsync(userId, valid.Title);
        await store.SetSettingsAsync(chatId, valid);
        await audit.WriteAsync(new AuditEntry(SchoolId, userId, null, "community.created", $"Создано сообщество «{valid.Title}»",
            new Dictionary<string, object?> { ["chatId"] = chatId, ["grades"] = valid.OpenGrades, ["parents"] = valid.OpenToParents }));
        return chatId;
    }

    public async Task UpdateAsync(Guid userId, Guid chatId, CommunitySettings settings)
    {
        await RequireLeaderAsync(userId, chatId);
        var valid = CommunityRules.Normalize(settings);
        await store.SetSettingsAsync(chatId, valid);
        await audit.WriteAsync(new AuditEntry(SchoolId, userId, null, "community.updated", $"Изменено сообщество «{valid.Title}»",
            new Dictionary<string, object?> { ["chatId"] = chatId, ["grades"] = valid.OpenGrades, ["parents"] = valid.OpenToParents }));
        await GrainFactory.GetGrain<IChatGrain>(chatId).MembersChangedAsync();
    }

    public async Task<CommunityStanding> RequestJoinAsync(Guid userId, Guid chatId, string? note)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > 300)
        {
            throw new DomainException("community.note-too-long", "Сообщение к заявке — не длиннее 300 символов.");
        }

        var (rows, staff, grades, parent) = await ViewerAsync(userId);
        // A community the person cannot see answers the same as one that does not exist.
        var row = rows.FirstOrDefault(r => r.ChatId == chatId && CommunityRules.Sees(r, staff, grades, parent))
            ?? throw new DomainException("community.unknown", "Такого сообщества нет.");
        if (row.MeAdmin is not null)
        {
            return CommunityRules.StandingOf(row);
        }

        var name = (await GrainFactory.GetGrain<IUserGrain>(userId).GetProfileAsync())?.Name.DisplayName ?? "Участник";
        if (await store.RequestAsync(chatId, userId, name, note))
        {
            await audit.WriteAsync(new AuditEntry(SchoolId, userId, null, "community.join-requested", $"{name} просит принять в сообщество «{row.Title}»",
                new Dictionary<string, object?> { ["chatId"] = chatId }));
        }

        return CommunityStanding.Requested;
    }

    public async Task<IReadOnlyList<JoinRequest>> RequestsAsync(Guid userId, Guid chatId)
    {
        await RequireLeaderAsync(userId, chatId);
        return await store.PendingAsync(chatId);
    }

    public async Task DecideAsync(Guid userId, Guid chatId, Guid requesterId, bool approve)
    {
        var title = await RequireLeaderAsync(userId, chatId);
        if (!await store.DecideAsync(chatId, requesterId, userId, approve))
        {
            throw new DomainException("community.request-unknown", "Такой заявки нет или по ней уже решили.");
        }

        await audit.WriteAsync(new AuditEntry(SchoolId, userId, null, approve ? "community.join-approved" : "community.join-refused",
            $"Заявка в сообщество «{title}» {(approve ? "принята" : "отклонена")}",
            new Dictionary<string, object?> { ["chatId"] = chatId, ["userId"] = requesterId }, SubjectUserId: requesterId));
        if (approve)
        {
            await GrainFactory.GetGrain<IChatGrain>(chatId).MembersChangedAsync();
        }
    }

    public async Task<IReadOnlyList<CommunityMember>> MembersAsync(Guid userId, Guid chatId)
    {
        await RequireLeaderAsync(userId, chatId);
        var members = await store.MembersAsync(chatId);
        var profiles = await Task.WhenAll(members.Select(m => GrainFactory.GetGrain<IUserGrain>(m.UserId).GetProfileAsync()));
        return members.Zip(profiles, (m, p) => new CommunityMember(m.UserId, p?.Name.DisplayName ?? "Участник", m.Admin)).ToList();
    }

    public async Task SetAdminAsync(Guid userId, Guid chatId, Guid memberId, bool admin)
    {
        var title = await RequireLeaderAsync(userId, chatId);
        var members = await store.MembersAsync(chatId);
        if (members.All(m => m.UserId != memberId))
        {
            throw new DomainException("community.not-member", "Руководителем можно назначить только участника сообщества.");
        }

        if (!admin && members.Count(m => m.Admin) == 1 && members.Single(m => m.Admin).UserId == memberId)
        {
            throw new DomainException("community.last-admin", "У сообщества должен остаться хотя бы один руководитель.");
        }

        await store.SetAdminAsync(chatId, memberId, admin);
        await audit.WriteAsync(new AuditEntry(SchoolId, userId, null, admin ? "community.admin-appointed" : "community.admin-removed",
            $"{(admin ? "Назначен руководитель" : "Снят руководитель")} сообщества «{title}»",
            new Dictionary<string, object?> { ["chatId"] = chatId, ["userId"] = memberId }, SubjectUserId: memberId));
        await GrainFactory.GetGrain<IChatGrain>(chatId).MembersChangedAsync();
    }

    private async Task<(List<CommunityStore.Row> Rows, bool Staff, IReadOnlySet<int> Grades, bool Parent)> ViewerAsync(Guid userId)
    {
        var standing = await people.OfAsync(SchoolId, userId);
        var admin = await GrainFactory.GetGrain<ISchoolGrain>(SchoolId).IsAdminAsync(userId);
        if (!standing.InSchool && !admin)
        {
            throw DomainException.Forbidden("community.forbidden-list", "Сообщества школы видят только её ученики, родители и сотрудники.");
        }

        var (grades, parent) = await store.StandingAsync(SchoolId, userId);
        return (await store.ListAsync(SchoolId, userId), standing.IsStaff || admin, grades, parent);
    }

    /// <summary>The community's title, when the user leads it (or administers the school); refused otherwise.</summary>
    private async Task<string> RequireLeaderAsync(Guid userId, Guid chatId)
    {
        var row = (await store.ListAsync(SchoolId, userId)).FirstOrDefault(r => r.ChatId == chatId);
        if (row is null || !await GrainFactory.GetGrain<IChatGrain>(chatId).IsModeratorAsync(userId))
        {
            throw DomainException.Forbidden("community.forbidden-manage", "Это могут руководители сообщества и администраторы школы.");
        }

        return row.Title;
    }
}
