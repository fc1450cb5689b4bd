using System.Text;
using Sferum.Chats;
using Sferum.DataRequests;
using Sferum.Grains.Tests.Chats;
using Sferum.Identity;
using Sferum.PersonalData;
using Sferum.Testing;

namespace Sferum.Grains.Tests.DataRequests;

/// <summary>
/// The answer to an access request, made from what Sferum really holds: every section the law asks for, the person's
/// own data with its source, and nobody else's — a child's answer to the mother names neither the father nor a classmate.
/// </summary>
[Collection(GrainCollection.Name)]
public sealed class AccessAnswerTests(GrainTestEnvironment env)
{
    [Fact]
    public async Task A_childs_answer_has_every_section_and_names_nobody_but_the_child_and_the_mother()
    {
        var fx = await ChatFixture.CreateAsync(env);
        await env.Grains.GetGrain<IChatGrain>(fx.ClassChat).SendAsync(fx.Student, new SendMessage("a-1", "Я забыл тетрадь дома", null));
        await env.Grains.GetGrain<IChatGrain>(fx.ClassChat).SendAsync(fx.Classmate, new SendMessage("a-2", "Я принесу твою", null));
        var requests = env.Grains.GetGrain<IDataRequestsGrain>(fx.SchoolId);
        await env.Grains.GetGrain<ISchoolOperatorGrain>(fx.SchoolId).SetAsync(fx.AdminId, new OperatorDetails("ГБОУ «Школа № 7»",
            "125009, г. Москва, ул. Школьная, д. 7", "Орлова И. П.", "заместитель директора"));
        var request = await DataRequestTests.Register(requests, fx.AdminId, DataRequestKind.Access, "j:S000001", "j:P000001");

        var answer = await requests.PrepareAccessAnswerAsync(fx.AdminId, request.RequestId);

        Assert.Equal(["processing", "basis", "methods", "operator", "data", "periods", "rights"], answer.Sections.Select(s => s.Code));
        Assert.All(answer.Sections, s => Assert.NotEmpty(s.Lines));
        Assert.Equal(("Васильева Наталья Никитична", "Васильева София Сергеевна", true), (answer.SubjectName, answer.AddresseeName, answer.ToRepresentative));
        Assert.Equal("125009, г. Москва, ул. Школьная, д. 7", answer.OperatorAddress);
        var data = answer.Sections.Single(s => s.Code == "data").Lines;
        Assert.Contains(data, l => l.Value == "04.01.2018" && l.Source!.Contains("журнал"));
        var childSnils = (await env.Grains.GetGrain<IUserGrain>(fx.Student).GetProfileAsync())!.Snils;
        Assert.Contains(data, l => l.Label == "Учётная запись: СНИЛС" && l.Value == childSnils);
        Assert.Contains(data, l => l.Label == "Сообщения, написанные в чатах школы" && l.Value.StartsWith("1,"));
        Assert.Contains(data, l => l.Label == "Законные представители" && l.Value.StartsWith("указано: 2"));
        Assert.Contains(data, l => l.Label == "Классы и роль в них" && l.Value.Contains("1А") && l.Value.Contains("ученик"));
        Assert.Contains(answer.Sections.Single(s => s.Code == "rights").Lines, l => l.Value.Contains("Роскомнадзор"));

        var text = Flatten(answer);
        Assert.Contains("Васильева Наталья Никитична", text);
        // Nobody else: not the father, not any other pupil, parent or teacher of the school (the homeroom teacher shares
        // the mother's name in the sample, so she is the one name not checked), nor the classmate's message.
        foreach (var other in SampleNames().Where(n => n.JournalId is not ("S000001" or "P000001" or "T00001")))
        {
            Assert.DoesNotContain(other.Name, text);
        }

        Assert.DoesNotContain("+7 960 791-83-51", text); // the father's phone
        Assert.DoesNotContain("Я принесу твою", text);
        Assert.Equal(1, await Sql.CountAsync(env.ConnectionString,
            "SELECT count(*) FROM audit_log WHERE school_id = @s AND action = 'data-request.answer-prepared' AND subject_user_id = @p AND actor_user_id = @a",
            ("s", fx.SchoolId), ("p", fx.Student), ("a", fx.AdminId)));
    }

    [Fact]
    public async Task Someone_who_never_signed_in_is_answered_from_the_roster_alone_and_only_access_requests_get_an_answer()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var requests = env.Grains.GetGrain<IDataRequestsGrain>(fx.SchoolId);
        var access = await DataRequestTests.Register(requests, fx.AdminId, DataRequestKind.Access, "j:S000003", null);
        var answer = await requests.PrepareAccessAnswerAsync(fx.AdminId, access.RequestId);
        var data = answer.Sections.Single(s => s.Code == "data").Lines;
        Assert.Contains(data, l => l.Label == "Учётная запись в Сферуме" && l.Value.StartsWith("нет"));
        Assert.Contains(data, l => l.Value == "Новикова Алиса Максимовна");
        Assert.Equal((false, answer.SubjectName), (answer.ToRepresentative, answer.AddresseeName));

        var correction = await DataRequestTests.Register(requests, fx.AdminId, DataRequestKind.Correction, "j:S000003", null);
        Assert.Equal("request.not-access", (await Assert.ThrowsAsync<Sferum.Common.DomainException>(() => requests.PrepareAccessAnswerAsync(fx.AdminId, correction.RequestId))).Code);
    }

    private static string Flatten(AccessAnswer answer)
    {
        var text = new StringBuilder($"{answer.OperatorName} {answer.OperatorAddress} {answer.SubjectName} {answer.AddresseeName}\n");
        foreach (var line in answer.Sections.SelectMany(s => s.Lines.Select(l => (s.Title, l))))
        {
            text.AppendLine($"{line.Title} | {line.l.Label} | {line.l.Value} | {line.l.Source}");
        }

        return text.ToString();
    }

    // Every person of the sample export by journal id, as "Фамилия Имя" (enough to recognise anyone in the text).
    private static IEnumerable<(string JournalId, string Name)> SampleNames()
    {
        foreach (var (file, _) in SharedSamples.Files("journal-utf8"))
        {
            var lines = File.ReadAllLines(Path.Combine(SharedSamples.SchoolSeven, "journal-utf8", file), Encoding.UTF8);
            var header = lines[0].TrimStart('\uFEFF').Split(';');
            var (last, first, id) = (Array.IndexOf(header, "Фамилия"), Array.IndexOf(header, "Имя"), Array.IndexOf(header, "Идентификатор"));
            foreach (var row in lines.Skip(1).Select(l => l.Split(';')).Where(r => r.Length > id))
            {
                yield return (row[id], $"{row[last]} {row[first]}");
            }
        }
    }
}
