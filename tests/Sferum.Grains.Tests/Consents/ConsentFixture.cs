using System.Text;
using Sferum.Consents;
using Sferum.Grains.Tests.Rosters;
using Sferum.Identity;
using Sferum.PersonalData;
using Sferum.Rosters;
using Sferum.Testing;

namespace Sferum.Grains.Tests.Consents;

/// <summary>
/// A school of its own with a small roster, everyone signed in: a teacher of 9А; a mother of two pupils there, Вера
/// (a minor, S1) and Пётр (20, S2), whose phone the journal lists; another mother of Ольга (S3), whose phone Госуслуги
/// vouches for; and the school's operator details set by its admin.
/// </summary>
public sealed class ConsentFixture
{
    public const string MotherRosterPhone = "+79005551122";

    /// <summary>The number Госуслуги vouches for the other mother: not the one the journal lists for her.</summary>
    public const string OtherMotherVerifiedPhone = "+79007770000";

    public required Guid SchoolId { get; init; }
    public required Guid AdminId { get; init; }
    public required Guid Teacher { get; init; }
    public required Guid Mother { get; init; }
    public required Guid OtherMother { get; init; }
    public required Guid MinorPupil { get; init; }
    public required Guid AdultPupil { get; init; }
    public required Guid OtherPupil { get; init; }
    public required Guid ClassId { get; init; }
    public required OperatorDetails Operator { get; init; }

    public ISchoolConsentsGrain Consents(IGrainFactory grains) => grains.GetGrain<ISchoolConsentsGrain>(SchoolId);

    public static async Task<ConsentFixture> CreateAsync(GrainTestEnvironment env)
    {
        var fx = new RosterFixtures(env);
        var (school, admin) = await fx.NewSchoolAsync(TestSnils.Next());
        var (teacher, mother, other, minor, adult, olga) = (TestSnils.Next(), TestSnils.Next(), TestSnils.Next(), TestSnils.Next(), TestSnils.Next(), TestSnils.Next());
        ImportFile Csv(string name, string text) => new(name, Encoding.UTF8.GetBytes(text));
        var files = new List<ImportFile>
        {
            Csv("staff.csv", $"""
                Фамилия;Имя;Отчество;Должность;Классное руководство;Предметы;Классы;СНИЛС;Идентификатор
                Учителева;Анна;Петровна;Учитель;9А;Математика;9А;{teacher};T1
                """),
            Csv("students.csv", $"""
                Фамилия;Имя;Отчество;Дата рождения;Класс;СНИЛС;Идентификатор
                Родителева;Вера;Олеговна;14.03.{DateTime.Today.Year - 11};9А;{minor};S1
                Родителев;Пётр;Олегович;01.09.{DateTime.Today.Year - 20};9А;{adult};S2
                Другая;Ольга;Ивановна;05.05.{DateTime.Today.Year - 12};9А;{olga};S3
                """),
            Csv("parents.csv", $"""
                Фамилия;Имя;Отчество;Кем приходится;Телефон;СНИЛС;Идентификатор;Идентификатор ученика
                Родителева;Мария;Ивановна;Мать;+7 900 555-11-22;{mother};P1;S1
                Родителева;Мария;Ивановна;Мать;+7 900 555-11-22;{mother};P1;S2
                Другая;Нина;Сергеевна;Мать;+7 900 555-33-44;{other};P2;S3
                """),
        };
        var preview = await fx.Imports(school).PreviewAsync(ImportRequester.User(admin), files);
        Assert.True(preview.Status == ImportStatus.Previewed, string.Join("; ", preview.Problems.Select(p => p.Message)));
        await fx.Imports(school).ApplyAsync(ImportRequester.User(admin), preview.ImportId);

        var teacherId = await SignInAsync(env, TrustLevel.Confirmed, teacher, new PersonName("Учителева", "Анна", "Петровна"));
        var operatorDetails = new OperatorDetails("МБОУ «Школа № 12»", "г. Казань, ул. Школьная, д. 12", "Директорова Е. В.", "директор");
        await env.Grains.GetGrain<ISchoolOperatorGrain>(school).SetAsync(admin, operatorDetails);
        return new ConsentFixture
        {
            SchoolId = school,
            AdminId = admin,
            Teacher = teacherId,
            Mother = await SignInAsync(env, TrustLevel.Standard, mother, new PersonName("Родителева", "Мария", "Ивановна")),
            OtherMother = await SignInAsync(env, TrustLevel.Standard, other, new PersonName("Другая", "Нина", "Сергеевна"), OtherMotherVerifiedPhone),
            MinorPupil = await SignInAsync(env, TrustLevel.Standard, minor, new PersonName("Родителева", "Вера", "Олеговна")),
            AdultPupil = await SignInAsync(env, TrustLevel.Standard, adult, new PersonName("Родителев", "Пётр", "Олегович")),
            OtherPupil = await SignInAsync(env, TrustLevel.Standard, olga, new PersonName("Другая", "Ольга", "Ивановна")),
            ClassId = (await env.Grains.GetGrain<IUserGrain>(teacherId).GetClassIdsAsync()).Single(),
            Operator = operatorDetails,
        };
    }

    /// <summary>The offer for <paramref name="purpose"/> that <paramref name="userId"/> sees for the person under <paramref name="subjectKey"/>.</summary>
    public async Task<ConsentOffer> OfferAsync(IGrainFactory grains, Guid userId, string subjectKey, string purpose = ConsentPurposes.ContactPhone)
    {
        var overview = await Consents(grains).GetOverviewAsync(userId) ?? throw new InvalidOperationException("No overview for the user.");
        return overview.Subjects.Single(s => s.SubjectKey == subjectKey).Offers.Single(o => o.Purpose == purpose);
    }

    /// <summary>Signs a person in with their full name (the name consents carry is the one the provider vouched for).</summary>
    public static async Task<Guid> SignInAsync(GrainTestEnvironment env, TrustLevel trust, string snils, PersonName name, string? verifiedPhone = null)
    {
        var identity = new ExternalIdentity("esia", $"s-{Guid.NewGuid()}", name, snils, null, false, verifiedPhone, verifiedPhone is not null, trust);
        return (await env.Grains.GetGrain<IIdentityIndexGrain>(IIdentityIndexGrain.KeyFor("esia", identity.Subject)).SignInAsync(identity)).UserId;
    }

    public static ConsentGrant Accept(ConsentOffer offer, string subjectKey, string? phone) =>
        new(subjectKey, offer.Purpose, offer.Version, offer.DocumentSha256, phone, Accepted: true);
}
