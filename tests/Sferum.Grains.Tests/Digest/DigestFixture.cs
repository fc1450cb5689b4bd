using MimeKit;
using Sferum.Chats;
using Sferum.Grains.Tests.Chats;
using Sferum.Schools;
using Sferum.Testing;

namespace Sferum.Grains.Tests.Digest;

/// <summary>
/// A school (from <see cref="ChatFixture"/>) whose mother has a verified e-mail, with its quiet hours off so that the
/// time of day the tests run at does not matter, and the SMTP server the silo sends digests to, started.
/// </summary>
public sealed class DigestFixture : IAsyncDisposable
{
    private DigestFixture(GrainTestEnvironment env, ChatFixture chats, string address, SmtpTestServer smtp)
    {
        Env = env;
        Chats = chats;
        Address = address;
        Smtp = smtp;
    }

    public GrainTestEnvironment Env { get; }

    public ChatFixture Chats { get; }

    public string Address { get; }

    public SmtpTestServer Smtp { get; }

    public static async Task<DigestFixture> CreateAsync(GrainTestEnvironment env)
    {
        var address = $"mama-{Guid.NewGuid():N}@mail.test";
        var chats = await ChatFixture.CreateAsync(env, address);
        var school = env.Grains.GetGrain<ISchoolGrain>(chats.SchoolId);
        await school.SetChatPolicyAsync(chats.AdminId, (await school.GetChatPolicyAsync()) with { QuietHoursOff = true });
        var smtp = new SmtpTestServer(env.SmtpPort);
        await smtp.StartAsync();
        return new DigestFixture(env, chats, address, smtp);
    }

    public async Task<ChatMessage> TeacherWritesAsync(string text) =>
        await Env.Grains.GetGrain<IChatGrain>(Chats.ParentsChat).SendAsync(Chats.Teacher, new SendMessage(Guid.NewGuid().ToString(), text, null));

    /// <summary>The letters the server received for this fixture's mother, oldest first.</summary>
    public List<MimeMessage> Letters() =>
        Smtp.Received().Select(bytes => MimeMessage.Load(new MemoryStream(bytes)))
            .Where(m => m.To.Mailboxes.Any(a => a.Address == Address)).ToList();

    public async ValueTask DisposeAsync() => await Smtp.DisposeAsync();
}
