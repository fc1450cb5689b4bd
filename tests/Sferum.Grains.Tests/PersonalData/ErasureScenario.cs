using System.Text;
using Microsoft.Extensions.Options;
using Sferum.Chats;
using Sferum.Classes;
using Sferum.Communities;
using Sferum.Files;
using Sferum.Grains.Tests.Rosters;
using Sferum.Identity;
using Sferum.Moderation;
using Sferum.Polls;
using Sferum.Rosters;
using Sferum.Testing;

namespace Sferum.Grains.Tests.PersonalData;

/// <summary>
/// A school (the sample export) in which one 1А pupil, renamed «Стёркина Ульяна Эрастовна» so that her name is found
/// nowhere else, signed in with a verified e-mail and phone and left traces everywhere: messages with a file of her own
/// and one a classmate shares, a reaction, a vote in a named poll, a join request to a club, a report against her
/// message, a session. Her mother, a classmate and the homeroom teacher are signed in too.
/// </summary>
public sealed class ErasureScenario
{
    public const string FirstName = "Ульяна", MiddleName = "Эрастовна";
    public required string Email { get; init; }

    public required string Phone { get; init; }

    /// <summary>A surname of her own in every scenario, so that one test's leftovers are not another's finding.</summary>
    public required string LastName { get; init; }

    public string FullName => $"{LastName} {FirstName} {MiddleName}";

    /// <summary>S000002 of 2А, who never signs in, renamed as uniquely.</summary>
    public required string RosterOnlyName { get; init; }

    public required Guid SchoolId { get; init; }
    public required Guid AdminId { get; init; }
    public required Guid Pupil { get; init; }
    public required string PupilSubject { get; init; }
    public required string PupilSnils { get; init; }
    public required Guid Classmate { get; init; }
    public required Guid Parent { get; init; }
    public required Guid Teacher { get; init; }

    /// <summary>How the homeroom teacher's account names her (the provider's name, unique to the scenario).</summary>
    public string TeacherName => $"Олег Учителева{LastName[8..]}";
    public required Guid ClassId { get; init; }
    public required Guid ClassChat { get; init; }
    public required Guid Club { get; init; }
    public required string OwnFile { get; init; }
    public required string SharedFile { get; init; }
    public required long ClassmateMessage { get; init; }

    /// <summary>The journal export as imported (with her name), for a later import that leaves people out.</summary>
    public required List<ImportFile> RosterFiles { get; init; }

    public string[] NameForms => [FullName, $"{FirstName} {LastName}", LastName];

    public static IFileStore Files { get; } = new LocalFileStore(Options.Create(new FileStoreOptions()));

    public static async Task<ErasureScenario> CreateAsync(GrainTestEnvironment env)
    {
        var fx = new RosterFixtures(env);
        var lastName = "Стёркина-" + new string(Guid.NewGuid().ToByteArray().Take(5).Select(b => (char)('а' + b % 32)).ToArray());
        var (school, admin) = await fx.NewSchoolAsync(TestSnils.Next());
        var (pupil, teacher, parent, classmate) = (TestSnils.Next(), TestSnils.Next(), TestSnils.Next(), TestSnils.Next());
        var files = RosterFixtures.Sample("journal-utf8").Select(f => new ImportFile(f.FileName, Encoding.UTF8.GetBytes(
            Encoding.UTF8.GetString(f.Content)
                .Replace("Васильева;Наталья;Никитична", $"{lastName};{FirstName};{MiddleName}")
                .Replace("Васильева Наталья Никитична", $"{lastName} {FirstName} {MiddleName}")
                .Replace("Николаева;Екатерина;Дмитриевна", $"Безучётная{lastName[8..]};Екатерина;Дмитриевна")
                .Replace("Николаева Екатерина Дмитриевна", $"Безучётная{lastName[8..]} Екатерина Дмитриевна")
                .Replace("482-447-577 20", pupil)        // S000001, 1А
                .Replace("777-631-706 48", teacher)      // T00001, homeroom 1А
                .Replace("483-960-306 18", parent)       // P000001, mother of S000001
                .Replace("834-335-141 88", classmate)))) // S000006, 1А
            .ToList();
        var preview = await fx.Imports(school).PreviewAsync(ImportRequester.User(admin), files);
        await fx.Imports(school).ApplyAsync(ImportRequester.User(admin), preview.ImportId);

        var subject = $"esia-sterkina-{Guid.NewGuid():N}";
        var email = $"{subject}@mail.example";
        var phone = "+7900" + Random.Shared.Next(1_000_000, 9_999_999);
        var pupilId = (await env.Grains.GetGrain<IIdentityIndexGrain>(IIdentityIndexGrain.KeyFor("esia", subject)).SignInAsync(new ExternalIdentity(
            "esia", subject, new PersonName(lastName, FirstName, MiddleName), pupil, email, true, phone, true, TrustLevel.Standard))).UserId;
        var teacherId = await fx.SignInAsync(TrustLevel.Confirmed, teacher, "Учителева" + lastName[8..]);
        var classmateId = await fx.SignInAsync(TrustLevel.Standard, classmate, "Макарова");
        var parentId = await fx.SignInAsync(TrustLevel.Standard, parent, "Васильева");
        var classId = (await env.Grains.GetGrain<IUserGrain>(pupilId).GetClassIdsAsync()).Single();
        var chatId = (await env.Grains.GetGrain<IClassGrain>(classId).GetAsync(teacherId)).ClassChatId;
        var chat = env.Grains.GetGrain<IChatGrain>(chatId);

        var own = await Files.PutAsync(new MemoryStream(Encoding.UTF8.GetBytes($"сочинение {Guid.NewGuid()}")), 1 << 20);
        var shared = await Files.PutAsync(new MemoryStream(Encoding.UTF8.GetBytes($"расписание {Guid.NewGuid()}")), 1 << 20);
        // Naming the classmate puts her own name into the classmate's notification centre (grain state).
        var pupilPost = await chat.SendAsync(pupilId, new SendMessage("p1", "Я сделала домашнее задание", null,
            [new ChatAttachment(own.Hash, "сочинение.pdf", "application/pdf", own.Size)], Mentions: [classmateId]));
        await chat.SendAsync(pupilId, new SendMessage("p2", "И вот расписание", null, [new ChatAttachment(shared.Hash, "расписание.pdf", "application/pdf", shared.Size)]));
        var centre = env.Grains.GetGrain<Sferum.Notifications.INotificationsGrain>(classmateId);
        for (var end = DateTime.UtcNow.AddSeconds(10); (await centre.ListAsync(classmateId)).Items.Count == 0;)
        {
            Assert.True(DateTime.UtcNow < end, "The classmate's mention did not arrive.");
            await Task.Delay(50);
        }

        var classmatePost = await chat.SendAsync(classmateId, new SendMessage("c1", "Спасибо, у меня такое же", null,
            [new ChatAttachment(shared.Hash, "расписание.pdf", "application/pdf", shared.Size)]));
        await chat.ReactAsync(pupilId, classmatePost.Seq, "👍", true);

        var poll = env.Grains.GetGrain<IPollGrain>(PollIds.For(chatId, teacherId, "poll"));
        await poll.CreateAsync(teacherId, chatId, "poll", new PollDraft("Идём в музей?", ["Да", "Нет"]));
        await poll.VoteAsync(pupilId, [0], null);
        Assert.Contains(FirstName, string.Join(' ', (await poll.GetAsync(teacherId)).Options.SelectMany(o => o.VoterNames ?? [])));

        var directory = env.Grains.GetGrain<ICommunityDirectoryGrain>(school);
        var club = await directory.CreateAsync(teacherId, new CommunitySettings("Кружок рисования", "", [1], false));
        await directory.RequestJoinAsync(pupilId, club, "Хочу рисовать");
        await env.Grains.GetGrain<IModerationGrain>(school).ReportAsync(classmateId, chatId, pupilPost.Seq, ReportReason.Other, "проверка");
        await env.Grains.GetGrain<Sferum.Sessions.IUserSessionsGrain>(pupilId).StartAsync("Firefox", "10.1.2.3");

        return new ErasureScenario
        {
            LastName = lastName, RosterOnlyName = $"Безучётная{lastName[8..]} Екатерина Дмитриевна", Email = email, Phone = phone, SchoolId = school, AdminId = admin, Pupil = pupilId, PupilSubject = subject, PupilSnils = pupil, Classmate = classmateId,
            Parent = parentId, Teacher = teacherId, ClassId = classId, ClassChat = chatId, Club = club, OwnFile = own.Hash,
            SharedFile = shared.Hash, ClassmateMessage = classmatePost.Seq, RosterFiles = files,
        };
    }
}
