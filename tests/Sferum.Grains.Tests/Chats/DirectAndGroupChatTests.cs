using Sferum.Chats;
using Sferum.Common;
using Sferum.Grains.Tests.Rosters;
using Sferum.Testing;

namespace Sferum.Grains.Tests.Chats;

/// <summary>Direct and group chats under the school's rules ("school mode"), against a real PostgreSQL.</summary>
[Collection(GrainCollection.Name)]
public sealed class DirectAndGroupChatTests(GrainTestEnvironment env)
{
    private ISchoolChatsGrain School(ChatFixture fx) => env.Grains.GetGrain<ISchoolChatsGrain>(fx.SchoolId);

    [Fact]
    public async Task A_student_writes_to_her_own_teacher_and_both_find_the_same_chat()
    {
        var fx = await ChatFixture.CreateAsync(env);

        var fromStudent = await School(fx).OpenDirectAsync(fx.Student, fx.Teacher);
        var fromTeacher = await School(fx).OpenDirectAsync(fx.Teacher, fx.Student);
        var chat = env.Grains.GetGrain<IChatGrain>(fromStudent);
        await chat.SendAsync(fx.Student, new SendMessage("d1", "Можно пересдать?", null));

        Assert.Equal(fromStudent, fromTeacher);
        Assert.Equal("Можно пересдать?", (await chat.HistoryAsync(fx.Teacher, null, null, 5)).Messages.Single().Text);
        Assert.Contains(fromStudent, await env.Grains.GetGrain<Sferum.Identity.IUserGrain>(fx.Teacher).GetChatIdsAsync());
        Assert.False(await chat.IsMemberAsync(fx.Parent));
    }

    [Fact]
    public async Task School_mode_refuses_students_and_parents_writing_outside_their_teachers_and_everyone_outside_the_school()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var outsider = await new RosterFixtures(env).SignInAsync(Sferum.Identity.TrustLevel.Confirmed, TestSnils.Next());

        var refused = new (Guid From, Guid To)[]
        {
            (fx.Student, fx.OtherClassStudent),   // another student
            (fx.OtherClassStudent, fx.Teacher),   // a teacher who does not teach her class
            (fx.Parent, fx.OtherClassStudent),    // a parent to a child
            (outsider, fx.Teacher),               // nobody from outside the school
            (fx.Teacher, outsider),               // nor into it
        };
        foreach (var (from, to) in refused)
        {
            Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => School(fx).OpenDirectAsync(from, to))).Code);
        }

        Assert.NotEqual(Guid.Empty, await School(fx).OpenDirectAsync(fx.Parent, fx.Teacher));
        Assert.NotEqual(Guid.Empty, await School(fx).OpenDirectAsync(fx.Teacher, fx.OtherClassStudent));
    }

    [Fact]
    public async Task A_school_may_let_classmates_write_to_each_other_and_only_its_admin_decides()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var school = env.Grains.GetGrain<Sferum.Schools.ISchoolGrain>(fx.SchoolId);
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => School(fx).OpenDirectAsync(fx.Student, fx.Classmate))).Code);
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() =>
            school.SetChatPolicyAsync(fx.Teacher, new Sferum.Schools.SchoolChatPolicy(StudentsMayWriteToClassmates: true)))).Code);

        await school.SetChatPolicyAsync(fx.AdminId, new Sferum.Schools.SchoolChatPolicy(StudentsMayWriteToClassmates: true));

        Assert.NotEqual(Guid.Empty, await School(fx).OpenDirectAsync(fx.Student, fx.Classmate));
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => School(fx).OpenDirectAsync(fx.Student, fx.OtherClassStudent))).Code);
    }

    [Fact]
    public async Task Teachers_create_groups_students_do_not_and_a_member_can_leave()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var outsider = await new RosterFixtures(env).SignInAsync(Sferum.Identity.TrustLevel.Confirmed, TestSnils.Next());

        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() =>
            School(fx).CreateGroupAsync(fx.Student, "Наша тусовка", [fx.OtherClassStudent]))).Code);
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() =>
            School(fx).CreateGroupAsync(fx.Teacher, "С чужими", [outsider]))).Code);

        var groupId = await School(fx).CreateGroupAsync(fx.Teacher, "Экскурсия", [fx.Student, fx.Parent]);
        var group = env.Grains.GetGrain<IChatGrain>(groupId);
        await group.SendAsync(fx.Parent, new SendMessage("g1", "Мы поедем", null));
        Assert.Equal("Экскурсия", (await group.GetSummaryAsync(fx.Student)).Title);
        Assert.True((await group.GetSummaryAsync(fx.Teacher)).CanModerate);
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => group.HistoryAsync(fx.OtherClassStudent, null, null, 5))).Code);

        await School(fx).LeaveAsync(fx.Student, groupId);

        Assert.False(await group.IsMemberAsync(fx.Student));
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => group.SendAsync(fx.Student, new SendMessage("g2", "я тут?", null)))).Code);
    }
}
