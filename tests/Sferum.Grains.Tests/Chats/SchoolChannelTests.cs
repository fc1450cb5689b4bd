using Sferum.Chats;
using Sferum.Common;
using Sferum.Grains.Tests.Rosters;
using Sferum.Testing;

namespace Sferum.Grains.Tests.Chats;

/// <summary>The school channel: everyone in the school reads, admins and appointed authors write, outsiders see nothing.</summary>
[Collection(GrainCollection.Name)]
public sealed class SchoolChannelTests(GrainTestEnvironment env)
{
    [Fact]
    public async Task Everyone_in_the_school_reads_only_admins_and_authors_write()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var school = env.Grains.GetGrain<ISchoolChatsGrain>(fx.SchoolId);
        var channelId = await school.GetChannelAsync(fx.Student);
        var channel = env.Grains.GetGrain<IChatGrain>(channelId);

        await channel.SendAsync(fx.AdminId, new SendMessage("a1", "Каникулы с 28 октября", null));
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => channel.SendAsync(fx.Student, new SendMessage("s1", "ура", null)))).Code);
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => channel.SendAsync(fx.Teacher, new SendMessage("t1", "!", null)))).Code);

        foreach (var reader in new[] { fx.Student, fx.Parent, fx.Teacher, fx.OtherClassStudent })
        {
            Assert.Equal("Каникулы с 28 октября", (await channel.HistoryAsync(reader, null, null, 5)).Messages.Single().Text);
        }

        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => school.SetChannelAuthorAsync(fx.Teacher, fx.Teacher, true))).Code);
        // Appointing an author is a role change: the admin confirms it with a one-time code.
        Assert.Equal("second-factor.required", (await Assert.ThrowsAsync<DomainException>(() => school.SetChannelAuthorAsync(fx.AdminId, fx.Teacher, true))).Code);
        var authenticator = new Identity.Authenticator(env.Grains);
        await authenticator.EnrolAsync(fx.AdminId);
        await school.SetChannelAuthorAsync(fx.AdminId, fx.Teacher, true, authenticator.NextCode(fx.AdminId));
        Assert.Equal(2, (await channel.SendAsync(fx.Teacher, new SendMessage("t2", "Собрание в пятницу", null))).Seq);
        Assert.Equal("channel.author-not-staff", (await Assert.ThrowsAsync<DomainException>(() => school.SetChannelAuthorAsync(fx.AdminId, fx.Student, true, "000000"))).Code);

        var outsider = await new RosterFixtures(env).SignInAsync(Sferum.Identity.TrustLevel.Confirmed, TestSnils.Next());
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => school.GetChannelAsync(outsider))).Code);
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => channel.HistoryAsync(outsider, null, null, 5))).Code);
    }
}
