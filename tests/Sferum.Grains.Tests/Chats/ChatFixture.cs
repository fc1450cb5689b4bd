using System.Text;
using Sferum.Classes;
using Sferum.Identity;
using Sferum.Rosters;
using Sferum.Testing;
using Sferum.Grains.Tests.Rosters;

namespace Sferum.Grains.Tests.Chats;

/// <summary>
/// A school imported from the sample export in which a few people got SNILS numbers of their own and signed in: the
/// homeroom teacher of 1А, a 1А student and her mother, and a 2А student.
/// </summary>
public sealed class ChatFixture
{
    public required Guid SchoolId { get; init; }
    public required Guid AdminId { get; init; }
    public required Guid Teacher { get; init; }
    public required Guid Student { get; init; }
    /// <summary>How the provider described the 1А student when she signed in (to sign her in again).</summary>
    public required ExternalIdentity StudentIdentity { get; init; }
    public required Guid Parent { get; init; }
    public required Guid OtherClassStudent { get; init; }
    public required Guid Classmate { get; init; }
    public required Guid ClassId { get; init; }
    public required Guid ClassChat { get; init; }
    public required Guid ParentsChat { get; init; }
    public required Guid OtherClassChat { get; init; }
    public required List<ImportFile> Files { get; init; }

    /// <param name="parentEmail">The mother's verified e-mail from the provider, when the test needs one.</param>
    public static async Task<ChatFixture> CreateAsync(GrainTestEnvironment env, string? parentEmail = null)
    {
        var fx = new RosterFixtures(env);
        var (school, admin) = await fx.NewSchoolAsync(TestSnils.Next());
        var (teacher, student, parent, other, classmate) = (TestSnils.Next(), TestSnils.Next(), TestSnils.Next(), TestSnils.Next(), TestSnils.Next());
        var files = RosterFixtures.Sample("journal-utf8").Select(f => new ImportFile(f.FileName, Encoding.UTF8.GetBytes(
            Encoding.UTF8.GetString(f.Content)
                .Replace("777-631-706 48", teacher)   // T00001, homeroom 1А
                .Replace("482-447-577 20", student)   // S000001, 1А
                .Replace("483-960-306 18", parent)    // P000001, mother of S000001
                .Replace("041-144-269 07", other)     // S000002, 2А
                .Replace("834-335-141 88", classmate)))) // S000006, 1А
            .ToList();
        var preview = await fx.Imports(school).PreviewAsync(ImportRequester.User(admin), files);
        await fx.Imports(school).ApplyAsync(ImportRequester.User(admin), preview.ImportId);

        var teacherId = await fx.SignInAsync(TrustLevel.Confirmed, teacher, "Васильева");
        var classIds = await env.Grains.GetGrain<IUserGrain>(teacherId).GetClassIdsAsync();
        var firstA = await env.Grains.GetGrain<IClassGrain>(classIds.Single()).GetAsync(teacherId);
        var otherId = await fx.SignInAsync(TrustLevel.Standard, other, "Николаева");
        var studentIdentity = RosterFixtures.Identity(TrustLevel.Standard, student, "Васильева");
        var otherClass = await env.Grains.GetGrain<IClassGrain>((await env.Grains.GetGrain<IUserGrain>(otherId).GetClassIdsAsync()).Single()).GetAsync(admin);
        return new ChatFixture
        {
            SchoolId = school,
            AdminId = admin,
            Teacher = teacherId,
            Student = await fx.SignInAsync(studentIdentity),
            StudentIdentity = studentIdentity,
            Parent = await fx.SignInAsync(TrustLevel.Standard, parent, "Васильева", parentEmail),
            OtherClassStudent = otherId,
            Classmate = await fx.SignInAsync(TrustLevel.Standard, classmate, "Макарова"),
            ClassId = classIds.Single(),
            ClassChat = firstA.ClassChatId,
            ParentsChat = firstA.ParentsChatId,
            OtherClassChat = otherClass.ClassChatId,
            Files = files,
        };
    }
}
