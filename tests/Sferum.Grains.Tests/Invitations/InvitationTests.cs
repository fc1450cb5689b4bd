using Sferum.Chats;
using Sferum.Classes;
using Sferum.Common;
using Sferum.Grains.Tests.Chats;
using Sferum.Grains.Tests.Identity;
using Sferum.Grains.Tests.Rosters;
using Sferum.Identity;
using Sferum.Invitations;
using Sferum.Schools;
using Sferum.Testing;

namespace Sferum.Grains.Tests.Invitations;

/// <summary>Invitation links against a real PostgreSQL: who may create them, who may follow them, what they give.</summary>
[Collection(GrainCollection.Name)]
public sealed class InvitationTests(GrainTestEnvironment env)
{
    // S000001 is the fixture's student (1А); her roster mother is P000001.
    private const string Child = "S000001";

    [Fact]
    public async Task A_parent_invited_for_a_child_joins_the_parents_chat_and_not_the_class_chat()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var classId = await ClassOfAsync(fx);
        var created = await CreateAsync(fx.Teacher, new InvitationDraft(InvitationTarget.ParentsChat, classId, null, InvitationRole.Parent, Child));
        var father = await SignInAsync(TrustLevel.Standard, "Васильев");

        var offer = await Invitation(created).CheckAsync(Attempt(father, created.Token));
        var joined = await Invitation(created).RedeemAsync(Attempt(father, created.Token));
        var again = await Invitation(created).RedeemAsync(Attempt(father, created.Token));

        Assert.Equal(("1А: чат родителей", InvitationRole.Parent), (offer.TargetTitle, offer.Role));
        Assert.Contains("Васильева", offer.ChildName);
        Assert.Equal((InvitationUseStatus.Joined, fx.ParentsChat), (joined.Status, joined.ChatId));
        Assert.Equal(InvitationUseStatus.Joined, again.Status);
        Assert.True(await env.Grains.GetGrain<IChatGrain>(fx.ParentsChat).IsMemberAsync(father));
        Assert.False(await env.Grains.GetGrain<IChatGrain>(fx.ClassChat).IsMemberAsync(father));
        Assert.Contains(fx.ParentsChat, await env.Grains.GetGrain<IUserGrain>(father).GetChatIdsAsync());
        var cls = await env.Grains.GetGrain<IClassGrain>(classId).GetAsync(fx.Teacher);
        Assert.Contains(Child, cls.Members.Single(m => m.UserId == father).ChildOf);
        var details = await Invitation(created).GetAsync(fx.Teacher);
        Assert.Equal(1, details.Uses);
        Assert.Equal(father, details.Joins.Single().UserId);
    }

    [Fact]
    public async Task Forged_revoked_exhausted_and_expired_links_are_refused_each_with_its_reason_and_without_the_chat_name()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var classId = await ClassOfAsync(fx);
        var someone = await SignInAsync(TrustLevel.Standard);
        var other = await SignInAsync(TrustLevel.Standard);

        var once = await CreateAsync(fx.Teacher, new InvitationDraft(InvitationTarget.ClassChat, classId, null, InvitationRole.Student, null, MaxUses: 1));
        await Invitation(once).RedeemAsync(Attempt(someone, once.Token));
        var revoked = await CreateAsync(fx.Teacher, new InvitationDraft(InvitationTarget.ClassChat, classId, null, InvitationRole.Student, null));
        await Invitation(revoked).RevokeAsync(fx.Teacher);
        var expired = await CreateAsync(fx.Teacher, new InvitationDraft(InvitationTarget.ClassChat, classId, null, InvitationRole.Student, null));
        await Sql.ExecuteAsync(env.ConnectionString, "UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE invitation_id = @id", ("id", expired.InvitationId));
        var forgedSecret = once.Token[..30] + (once.Token[30] == 'A' ? 'B' : 'A') + once.Token[31..];
        var forgedId = InvitationToken.Create(Guid.NewGuid());

        var refusals = new (IInvitationGrain Grain, string Token, string Code)[]
        {
            (Invitation(once), once.Token, "invitation.exhausted"),
            (Invitation(revoked), revoked.Token, "invitation.revoked"),
            (Invitation(expired), expired.Token, "invitation.expired"),
            (Invitation(once), forgedSecret, "invitation.unknown"),
            (env.Grains.GetGrain<IInvitationGrain>(InvitationToken.TryReadId(forgedId, out var id) ? id : Guid.Empty), forgedId, "invitation.unknown"),
        };
        foreach (var (grain, token, code) in refusals)
        {
            var error = await Assert.ThrowsAsync<DomainException>(() => grain.RedeemAsync(Attempt(other, token)));
            Assert.Equal(code, error.Code);
            Assert.DoesNotContain("1А", error.Message);
        }

        Assert.False(await env.Grains.GetGrain<IChatGrain>(fx.ClassChat).IsMemberAsync(other));
    }

    [Fact]
    public async Task Accounts_are_let_in_only_as_far_as_they_are_verified()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var classId = await ClassOfAsync(fx);
        var simplified = await SignInAsync(TrustLevel.Simplified);
        var standard = await SignInAsync(TrustLevel.Standard);
        var students = await CreateAsync(fx.Teacher, new InvitationDraft(InvitationTarget.ClassChat, classId, null, InvitationRole.Student, null));
        var parentForSelf = await CreateAsync(fx.Teacher, new InvitationDraft(InvitationTarget.ParentsChat, classId, null, InvitationRole.Parent, Child));

        Assert.Equal("invitation.account-not-verified", (await Assert.ThrowsAsync<DomainException>(() => Invitation(students).RedeemAsync(Attempt(simplified, students.Token)))).Code);
        Assert.Equal("invitation.not-for-you", (await Assert.ThrowsAsync<DomainException>(() => Invitation(parentForSelf).RedeemAsync(Attempt(fx.Student, parentForSelf.Token)))).Code);

        // The school may let simplified accounts in as pupils or parents, never as staff.
        await env.Grains.GetGrain<ISchoolGrain>(fx.SchoolId).SetChatPolicyAsync(fx.AdminId, new SchoolChatPolicy(SimplifiedAccountsMayJoin: true));
        Assert.Equal(InvitationUseStatus.Joined, (await Invitation(students).RedeemAsync(Attempt(simplified, students.Token))).Status);
        await EnrolAsync(fx.Teacher);
        var staff = await CreateAsync(fx.Teacher, new InvitationDraft(InvitationTarget.ClassChat, classId, null, InvitationRole.Teacher, null,
            SecondFactorCode: CodeFor(fx.Teacher, TimeSpan.FromSeconds(30))));
        Assert.Equal("invitation.not-for-you", (await Assert.ThrowsAsync<DomainException>(() => Invitation(staff).RedeemAsync(Attempt(standard, staff.Token)))).Code);
        var confirmed = await SignInAsync(TrustLevel.Confirmed, "Учителева");
        Assert.Equal(InvitationUseStatus.Joined, (await Invitation(staff).RedeemAsync(Attempt(confirmed, staff.Token))).Status);
        Assert.Contains(ClassRole.Teacher, await env.Grains.GetGrain<IClassGrain>(classId).GetRolesAsync(confirmed));
        Assert.True((await env.Grains.GetGrain<IChatGrain>(fx.ClassChat).GetAccessAsync(confirmed)).CanModerate);
    }

    [Fact]
    public async Task Invitations_for_staff_need_a_second_factor_and_only_teachers_of_the_class_create_them()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var classId = await ClassOfAsync(fx);
        var staffDraft = new InvitationDraft(InvitationTarget.ClassChat, classId, null, InvitationRole.Teacher, null, SecondFactorCode: "123456");

        Assert.Equal("second-factor.required", (await Assert.ThrowsAsync<DomainException>(() => CreateAsync(fx.Teacher, staffDraft))).Code);
        await EnrolAsync(fx.Teacher);
        Assert.Equal("second-factor.invalid", (await Assert.ThrowsAsync<DomainException>(() => CreateAsync(fx.Teacher, staffDraft))).Code);
        var code = CodeFor(fx.Teacher, TimeSpan.FromSeconds(30));
        await CreateAsync(fx.Teacher, staffDraft with { SecondFactorCode = code });
        // A code is good once.
        Assert.Equal("second-factor.invalid", (await Assert.ThrowsAsync<DomainException>(() => CreateAsync(fx.Teacher, staffDraft with { SecondFactorCode = code }))).Code);

        var students = new InvitationDraft(InvitationTarget.ClassChat, classId, null, InvitationRole.Student, null);
        foreach (var refused in new[] { fx.Student, fx.Parent, fx.OtherClassStudent, await SignInAsync(TrustLevel.Confirmed) })
        {
            Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => CreateAsync(refused, students))).Code);
        }
    }

    [Fact]
    public async Task A_pupil_invites_her_own_parent_and_a_teacher_approves_and_can_remove_them_again()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var classId = await ClassOfAsync(fx);
        var created = await CreateAsync(fx.Student, new InvitationDraft(InvitationTarget.ParentsChat, classId, null, InvitationRole.Parent, Child, MaxUses: 10));
        var grandma = await SignInAsync(TrustLevel.Standard, "Бабушкина");

        var pending = await Invitation(created).RedeemAsync(Attempt(grandma, created.Token));
        Assert.Equal(InvitationUseStatus.Pending, pending.Status);
        Assert.False(await env.Grains.GetGrain<IChatGrain>(fx.ParentsChat).IsMemberAsync(grandma));
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => Invitation(created).DecideAsync(fx.Student, grandma, true))).Code);
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => CreateAsync(fx.Student,
            new InvitationDraft(InvitationTarget.ParentsChat, classId, null, InvitationRole.Parent, "S000006")))).Code);

        await Invitation(created).DecideAsync(fx.Teacher, grandma, true);
        Assert.True(await env.Grains.GetGrain<IChatGrain>(fx.ParentsChat).IsMemberAsync(grandma));
        var details = await Invitation(created).GetAsync(fx.Student);
        Assert.True(details.RequiresApproval);
        Assert.Equal(4, details.MaxUses);

        await Invitation(created).RemoveAsync(fx.Teacher, grandma);
        Assert.False(await env.Grains.GetGrain<IChatGrain>(fx.ParentsChat).IsMemberAsync(grandma));
        Assert.Equal("invitation.declined", (await Assert.ThrowsAsync<DomainException>(() => Invitation(created).RedeemAsync(Attempt(grandma, created.Token)))).Code);
    }

    [Fact]
    public async Task A_child_gets_no_more_parents_than_the_school_allows()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var classId = await ClassOfAsync(fx);
        var rosterParents = await Sql.CountAsync(env.ConnectionString,
            "SELECT count(*) FROM roster_guardianships WHERE school_id = @s AND student_id = 'S000001'", ("s", fx.SchoolId));
        await env.Grains.GetGrain<ISchoolGrain>(fx.SchoolId).SetChatPolicyAsync(fx.AdminId, new SchoolChatPolicy(MaxParentsPerStudent: (int)rosterParents + 1));
        var created = await CreateAsync(fx.Teacher, new InvitationDraft(InvitationTarget.ParentsChat, classId, null, InvitationRole.Parent, Child));

        await Invitation(created).RedeemAsync(Attempt(await SignInAsync(TrustLevel.Standard), created.Token));
        var error = await Assert.ThrowsAsync<DomainException>(async () => await Invitation(created).RedeemAsync(Attempt(await SignInAsync(TrustLevel.Standard), created.Token)));

        Assert.Equal("invitation.parent-limit", error.Code);
    }

    [Fact]
    public async Task Guessing_tokens_runs_into_the_rate_limit()
    {
        var guesser = await SignInAsync(TrustLevel.Standard);
        var codes = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            var token = InvitationToken.Create(Guid.NewGuid());
            InvitationToken.TryReadId(token, out var id);
            codes.Add((await Assert.ThrowsAsync<DomainException>(() =>
                env.Grains.GetGrain<IInvitationGrain>(id).CheckAsync(new InvitationAttempt(guesser, token, "10.1.2.3")))).Code);
        }

        Assert.All(codes.Take(20), c => Assert.Equal("invitation.unknown", c));
        Assert.All(codes.Skip(20), c => Assert.Equal("invitation.rate-limited", c));
    }

    [Fact]
    public async Task A_group_and_a_community_take_members_by_invitation()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var chats = env.Grains.GetGrain<ISchoolChatsGrain>(fx.SchoolId);
        var community = await chats.CreateCommunityAsync(fx.Teacher, "Шахматный клуб");
        var created = await CreateAsync(fx.Teacher, new InvitationDraft(InvitationTarget.Community, null, community, InvitationRole.Member, null));

        var joined = await Invitation(created).RedeemAsync(Attempt(fx.OtherClassStudent, created.Token));

        Assert.Equal((InvitationUseStatus.Joined, "Шахматный клуб"), (joined.Status, joined.TargetTitle));
        Assert.True(await env.Grains.GetGrain<IChatGrain>(community).IsMemberAsync(fx.OtherClassStudent));
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => CreateAsync(fx.OtherClassStudent,
            new InvitationDraft(InvitationTarget.Community, null, community, InvitationRole.Member, null)))).Code);
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => chats.CreateCommunityAsync(fx.Student, "Клуб"))).Code);
        Assert.Single(await env.Grains.GetGrain<IInvitationListGrain>(0).ForChatAsync(fx.Teacher, community));
        Assert.Empty(await env.Grains.GetGrain<IInvitationListGrain>(0).ForChatAsync(fx.OtherClassStudent, community));
    }

    private IInvitationGrain Invitation(InvitationCreated created) => env.Grains.GetGrain<IInvitationGrain>(created.InvitationId);

    private Task<InvitationCreated> CreateAsync(Guid requester, InvitationDraft draft) =>
        env.Grains.GetGrain<IInvitationGrain>(Guid.NewGuid()).CreateAsync(requester, draft);

    // Each test person comes from an address of their own, so that the per-address limit does not couple the tests.
    private static InvitationAttempt Attempt(Guid user, string token) => new(user, token, "addr-" + user);

    private Task<Guid> SignInAsync(TrustLevel trust, string lastName = "Новикова") =>
        new RosterFixtures(env).SignInAsync(trust, trust == TrustLevel.Simplified ? null : TestSnils.Next(), lastName);

    private async Task<Guid> ClassOfAsync(ChatFixture fx) =>
        (await env.Grains.GetGrain<IUserGrain>(fx.Teacher).GetClassIdsAsync()).Single();

    private readonly Authenticator authenticator = new(env.Grains);

    private Task EnrolAsync(Guid user) => authenticator.EnrolAsync(user);

    private string CodeFor(Guid user, TimeSpan ahead) => authenticator.CodeFor(user, ahead);
}
