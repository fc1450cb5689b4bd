using Sferum.Chats;
using Sferum.Grains.Tests.Rosters;
using Sferum.Identity;

namespace Sferum.Grains.Tests.Chats;

/// <summary>
/// A person's name is the provider's (Госуслуги): when it changes there — a marriage, a corrected spelling — her chats
/// show the new one from her next sign-in on, though they had the old one in memory.
/// </summary>
[Collection(GrainCollection.Name)]
public sealed class ChatNameChangeTests(GrainTestEnvironment env)
{
    [Fact]
    public async Task A_name_changed_at_the_provider_is_what_her_chats_show_after_her_next_sign_in()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var classChat = env.Grains.GetGrain<IChatGrain>(fx.ClassChat);
        var direct = env.Grains.GetGrain<IChatGrain>(await env.Grains.GetGrain<ISchoolChatsGrain>(fx.SchoolId).OpenDirectAsync(fx.Teacher, fx.Student));

        // Each of the three places a chat names her has read the old name once (and kept it).
        await classChat.SendAsync(fx.Student, new SendMessage("before", "До смены фамилии", null));
        Assert.Equal("Олег Васильева", (await direct.GetSummaryAsync(fx.Teacher)).Title);
        Assert.Contains(await classChat.MemberNamesAsync(fx.Teacher), n => n.UserId == fx.Student && n.Name == "Олег Васильева");

        await new RosterFixtures(env).SignInAsync(fx.StudentIdentity with { Name = new PersonName("Петрова", "Олег", null) });

        await classChat.SendAsync(fx.Student, new SendMessage("after", "После смены фамилии", null));
        var messages = (await classChat.HistoryAsync(fx.Teacher, null, null, 10)).Messages;
        Assert.Equal("Олег Петрова", messages.Single(m => m.Text == "После смены фамилии").AuthorName);
        // A message keeps the name it was posted under.
        Assert.Equal("Олег Васильева", messages.Single(m => m.Text == "До смены фамилии").AuthorName);
        Assert.Equal("Олег Петрова", (await direct.GetSummaryAsync(fx.Teacher)).Title);
        Assert.Contains(await classChat.MemberNamesAsync(fx.Teacher), n => n.UserId == fx.Student && n.Name == "Олег Петрова");
    }
}
