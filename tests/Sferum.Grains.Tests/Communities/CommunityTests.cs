using Sferum.Chats;
using Sferum.Common;
using Sferum.Communities;
using Sferum.Grains.Tests.Chats;

namespace Sferum.Grains.Tests.Communities;

/// <summary>The school's community directory: who finds what, join requests, leaders.</summary>
[Collection(GrainCollection.Name)]
public sealed class CommunityTests(GrainTestEnvironment env)
{
    [Fact]
    public async Task A_first_grader_finds_a_club_open_to_first_grade_asks_to_join_and_is_in_its_chat_once_approved()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var directory = env.Grains.GetGrain<ICommunityDirectoryGrain>(fx.SchoolId);
        var club = await directory.CreateAsync(fx.Teacher, new CommunitySettings("Шахматный кружок", "По средам", [1], OpenToParents: false));
        var staffOnly = await directory.CreateAsync(fx.Teacher, new CommunitySettings("МО учителей начальных классов", "", [], false));

        var pupilSees = await directory.ListAsync(fx.Student);
        Assert.Equal([club], pupilSees.Select(c => c.ChatId));
        Assert.Empty(await directory.ListAsync(fx.OtherClassStudent)); // a second grader
        Assert.Empty(await directory.ListAsync(fx.Parent));
        Assert.Equal(2, (await directory.ListAsync(fx.Teacher)).Count);
        Assert.Equal("community.unknown", (await Assert.ThrowsAsync<DomainException>(() => directory.RequestJoinAsync(fx.OtherClassStudent, club, null))).Code);
        Assert.Equal("community.unknown", (await Assert.ThrowsAsync<DomainException>(() => directory.RequestJoinAsync(fx.Student, staffOnly, null))).Code);

        Assert.Equal(CommunityStanding.Requested, await directory.RequestJoinAsync(fx.Student, club, "Хочу играть"));
        Assert.Equal(CommunityStanding.Requested, await directory.RequestJoinAsync(fx.Student, club, null));
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => directory.RequestsAsync(fx.Student, club))).Code);
        var request = Assert.Single(await directory.RequestsAsync(fx.Teacher, club));
        Assert.Equal("Хочу играть", request.Note);
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => directory.DecideAsync(fx.Classmate, club, fx.Student, true))).Code);

        await directory.DecideAsync(fx.Teacher, club, fx.Student, approve: true);
        Assert.True(await env.Grains.GetGrain<IChatGrain>(club).IsMemberAsync(fx.Student));
        Assert.Equal(CommunityStanding.Member, (await directory.ListAsync(fx.Student)).Single().Standing);
        Assert.Equal("community.request-unknown", (await Assert.ThrowsAsync<DomainException>(() => directory.DecideAsync(fx.Teacher, club, fx.Student, true))).Code);

        // Opened to parents, it appears in the mother's directory too.
        await directory.UpdateAsync(fx.Teacher, club, new CommunitySettings("Шахматный кружок", "По средам", [1], OpenToParents: true));
        Assert.Single(await directory.ListAsync(fx.Parent));
    }

    [Fact]
    public async Task Leaders_appoint_other_leaders_the_last_one_stays_and_bad_settings_are_refused()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var directory = env.Grains.GetGrain<ICommunityDirectoryGrain>(fx.SchoolId);
        var club = await directory.CreateAsync(fx.Teacher, new CommunitySettings("Хор", "", [1], false));
        await directory.RequestJoinAsync(fx.Student, club, null);
        await directory.DecideAsync(fx.Teacher, club, fx.Student, true);

        await directory.SetAdminAsync(fx.Teacher, club, fx.Student, true);
        Assert.Empty(await directory.RequestsAsync(fx.Student, club)); // now a leader, she sees the requests
        Assert.True(await env.Grains.GetGrain<IChatGrain>(club).IsModeratorAsync(fx.Student));
        await directory.SetAdminAsync(fx.Student, club, fx.Teacher, false);
        Assert.Equal("community.last-admin", (await Assert.ThrowsAsync<DomainException>(() => directory.SetAdminAsync(fx.Student, club, fx.Student, false))).Code);
        Assert.Equal("community.not-member", (await Assert.ThrowsAsync<DomainException>(() => directory.SetAdminAsync(fx.Student, club, fx.Parent, true))).Code);

        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() =>
            directory.CreateAsync(fx.Student, new CommunitySettings("Мой клуб", "", [1], false)))).Code);
        Assert.Equal("community.grades-invalid", (await Assert.ThrowsAsync<DomainException>(() =>
            directory.CreateAsync(fx.Teacher, new CommunitySettings("Клуб", "", [12], false)))).Code);
        Assert.Equal("chat.title-invalid", (await Assert.ThrowsAsync<DomainException>(() =>
            directory.CreateAsync(fx.Teacher, new CommunitySettings(" ", "", [], false)))).Code);
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => directory.ListAsync(Guid.NewGuid()))).Code);
    }
}
