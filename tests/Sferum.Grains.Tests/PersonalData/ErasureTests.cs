using Npgsql;
using Sferum.Audit;
using Sferum.Chats;
using Sferum.Classes;
using Sferum.Common;
using Sferum.Identity;
using Sferum.Meetings;
using Sferum.People;
using Sferum.PersonalData;
using Sferum.Polls;
using Sferum.Testing;

namespace Sferum.Grains.Tests.PersonalData;

/// <summary>
/// Erasure of a person on the real cluster and PostgreSQL: afterwards nothing in any table (grain state included) or in
/// the file store finds her, the chats still read, the act and the log extract say what the order requires, a second
/// order changes nothing, and the audit chain still verifies.
/// </summary>
[Collection(GrainCollection.Name)]
public sealed class ErasureTests(GrainTestEnvironment env)
{
    private static AdminErasureOrder Order(Guid school) => new(school, "Заявление родителя от 02.12.2026 № 15", "директор", Confirmed: true);

    [Fact]
    public async Task An_erased_pupil_is_found_nowhere_while_the_chat_still_reads()
    {
        var sc = await ErasureScenario.CreateAsync(env);
        var before = await DatabaseScan.FindAsync(env.ConnectionString, sc.NameForms);
        // The scan does see her before: in tables, in the log, and in Orleans grain state (binary).
        foreach (var place in new[] { "orleansstorage.payloadbinary", "audit_log.summary", "chat_messages.author_name", "roster_people.last_name",
                     "community_requests.user_name", "message_reports.author_name", "roster_import_changes.subject" })
        {
            Assert.Contains(before, b => b.StartsWith(place, StringComparison.Ordinal));
        }

        // The school's own records of her rights name her too: a consent with its document and value, a formal request.
        await Sql.ExecuteAsync(env.ConnectionString, """
            INSERT INTO consents (consent_id, school_id, purpose, text_version, subject_key, subject_user_id, subject_name, given_by, given_by_name,
                                  as_parent, operator_name, operator_address, document, document_sha256)
            VALUES (@id, @school, 'contact-phone', 1, 'u:' || @user, @user, @name, @user, @name, false, 'МБОУ «Школа»', 'г. Тест, ул. Школьная, 1',
                    'Я, ' || @name || ', даю согласие на обработку номера телефона.', sha256('документ'::bytea));
            INSERT INTO consent_data (consent_id, category, value) VALUES (@id, 'contact-phone', @phone);
            INSERT INTO data_requests (request_id, school_id, kind, subject_user_id, subject_name, by_representative, requester_user_id, requester_name,
                                       details, received_on, due_on, registered_by)
            VALUES (gen_random_uuid(), @school, 0, @user, @name, false, @user, @name, 'Письмо: ' || @name || ' просит сведения', current_date, current_date + 14, @admin);
            """, ("id", Guid.NewGuid()), ("school", sc.SchoolId), ("user", sc.Pupil), ("name", sc.FullName), ("phone", sc.Phone), ("admin", sc.AdminId));

        var erasure = env.Grains.GetGrain<IPersonErasureGrain>(PersonKeys.ForUser(sc.Pupil));
        var status = await erasure.OrderAsync(sc.AdminId, Order(sc.SchoolId));
        Assert.Equal(ErasureState.Done, status.State);
        // The consent stays as the operator's proof, under «бывший участник»; its value is gone.
        Assert.Equal(1, await Sql.CountAsync(env.ConnectionString,
            "SELECT count(*) FROM consents WHERE subject_user_id = @u AND subject_name = @f AND document LIKE '%' || @f || '%'", ("u", sc.Pupil), ("f", FormerMember.Name)));

        var identifiers = sc.NameForms.Concat([sc.PupilSnils, sc.Email, sc.Phone, sc.PupilSubject]).ToList();
        var left = await DatabaseScan.FindAsync(env.ConnectionString, identifiers, "destruction_acts");
        Assert.True(left.Count == 0, "still found:\n" + string.Join("\n", left));

        // Her own file left the store; the one a classmate also attached stays.
        Assert.Null(ErasureScenario.Files.Open(sc.OwnFile));
        using (var shared = ErasureScenario.Files.Open(sc.SharedFile))
        {
            Assert.NotNull(shared);
        }

        // The chat reads: her messages under «бывший участник» with their text, the classmate's untouched.
        var page = await env.Grains.GetGrain<IChatGrain>(sc.ClassChat).HistoryAsync(sc.Classmate, null, null, 50);
        var hers = page.Messages.Where(m => m.AuthorId == sc.Pupil).ToList();
        Assert.Equal(2, hers.Count);
        Assert.All(hers, m => Assert.Equal(FormerMember.Name, m.AuthorName));
        Assert.Contains(hers, m => m.Text == "Я сделала домашнее задание" && m.Attachments is { Count: 0 });
        var theirs = page.Messages.Single(m => m.Seq == sc.ClassmateMessage);
        Assert.Equal("Спасибо, у меня такое же", theirs.Text);
        Assert.Single(theirs.Attachments!);

        // Nothing serves her: search, profile, class and chat member lists, the poll's voters.
        Assert.Empty(await env.Grains.GetGrain<IMessageSearchGrain>(0).SearchAsync(sc.Classmate, sc.LastName));
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => env.Grains.GetGrain<IMemberProfileGrain>(sc.Pupil).GetAsync(sc.AdminId))).Code);
        var members = (await env.Grains.GetGrain<IClassGrain>(sc.ClassId).GetAsync(sc.Teacher)).Members;
        Assert.DoesNotContain(members, m => m.UserId == sc.Pupil || m.DisplayName.Contains(sc.LastName));
        Assert.DoesNotContain(sc.Pupil, await env.Grains.GetGrain<IChatGrain>(sc.ClassChat).MemberIdsAsync());
        var poll = await env.Grains.GetGrain<IPollGrain>(PollIds.For(sc.ClassChat, sc.Teacher, "poll")).GetAsync(sc.Teacher);
        Assert.Equal([FormerMember.Name], poll.Options[0].VoterNames);
        Assert.Null(await env.Grains.GetGrain<IUserGrain>(sc.Pupil).GetProfileAsync());

        // A new sign-in with the same provider subject is a new nobody: a new account, in no class.
        var again = await env.Grains.GetGrain<IIdentityIndexGrain>(IIdentityIndexGrain.KeyFor("esia", sc.PupilSubject)).SignInAsync(new ExternalIdentity(
            "esia", sc.PupilSubject, new PersonName("Новая", "Учётная", null), null, null, false, null, false, TrustLevel.Simplified));
        Assert.NotEqual(sc.Pupil, again.UserId);
        Assert.Empty(await env.Grains.GetGrain<IUserGrain>(again.UserId).GetClassIdsAsync());

        // The log verifies after its redaction, and the redacted entries say «бывший участник».
        await using var connection = new NpgsqlConnection(env.ConnectionString);
        await connection.OpenAsync();
        var report = await AuditChainVerifier.VerifyAsync(connection);
        Assert.True(report.Intact, report.ToString());
        Assert.True(await Sql.CountAsync(env.ConnectionString,
            "SELECT count(*) FROM audit_log WHERE school_id = @s AND redacted_by IS NOT NULL AND summary LIKE '%' || @f || '%'",
            ("s", sc.SchoolId), ("f", FormerMember.Name)) >= 2);
    }

    [Fact]
    public async Task The_act_and_the_log_extract_state_every_required_fact_and_a_second_order_makes_no_second_act()
    {
        var sc = await ErasureScenario.CreateAsync(env);
        var desk = env.Grains.GetGrain<IPersonalDataGrain>(sc.SchoolId);
        await env.Grains.GetGrain<ISchoolOperatorGrain>(sc.SchoolId).SetAsync(sc.AdminId, new OperatorDetails("МБОУ «Школа № 7»",
            "123456, г. Москва, ул. Школьная, д. 7", "Админова Анна", "директор", "ООО «Облако», 101000, г. Москва, ул. Серверная, д. 1"));
        var erasure = env.Grains.GetGrain<IPersonErasureGrain>(PersonKeys.ForUser(sc.Pupil));
        var first = await erasure.OrderAsync(sc.AdminId, Order(sc.SchoolId));
        var second = await erasure.OrderAsync(sc.AdminId, Order(sc.SchoolId));
        var third = await erasure.EraseAsync(ErasureReason.ConsentWithdrawn, sc.SchoolId, "повтор");
        Assert.Equal(first, second);
        Assert.Equal(first, third);
        Assert.Equal(1L, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM destruction_acts WHERE school_id = @s", ("s", sc.SchoolId)));

        var act = Assert.Single(await desk.ListActsAsync(sc.AdminId));
        Assert.Equal(first.ActId, act.ActId);
        Assert.Equal(sc.FullName, act.PersonName);
        Assert.NotNull(act.PurgeAfter);
        Assert.InRange(act.PurgeAfter!.Value - act.CompletedAt!.Value, TimeSpan.FromDays(365 * 3 - 1), TimeSpan.FromDays(365 * 3 + 2));

        var actPdf = await desk.GetActPdfAsync(sc.AdminId, act.ActId, extract: false);
        var extractPdf = await desk.GetActPdfAsync(sc.AdminId, act.ActId, extract: true);
        foreach (var pdf in new[] { actPdf, extractPdf })
        {
            // The font is in the file (a subset of DejaVu Sans), so the Cyrillic text reads anywhere.
            var raw = System.Text.Encoding.Latin1.GetString(pdf);
            Assert.StartsWith("%PDF-", raw);
            Assert.Contains("/FontFile2", raw);
            var text = await PdfTextExtractor.TextAsync(pdf);
            foreach (var fact in new[]
                     {
                         "МБОУ «Школа № 7»", "123456, г. Москва, ул. Школьная, д. 7", "ООО «Облако»", sc.FullName, "обучающийся",
                         "СНИЛС", "адрес электронной почты", "номер телефона", "дата рождения", "«Сферум»", "Заявление родителя от 02.12.2026 № 15",
                         "Админова Олег", "директор", $"№ {act.Number}", act.CompletedAt.Value.ToOffset(TimeSpan.FromHours(3)).ToString("dd.MM.yyyy"),
                     })
            {
                Assert.Contains(fact, text);
            }
        }

        var actText = await PdfTextExtractor.TextAsync(actPdf);
        Assert.Contains("Способ уничтожения", actText);
        Assert.Contains("Подпись", actText);
        var extractText = await PdfTextExtractor.TextAsync(extractPdf);
        Assert.Contains("person.erasure-started", extractText);
        Assert.Contains("audit.redacted", extractText);
        Assert.Contains("person.erased", extractText);
    }

    [Fact]
    public async Task An_erased_teacher_leaves_no_name_in_the_stored_state_of_a_meeting_she_planned()
    {
        var sc = await ErasureScenario.CreateAsync(env);
        var meeting = env.Grains.GetGrain<IMeetingGrain>(MeetingIds.For(sc.ClassChat, sc.Teacher, "m1"));
        await meeting.CreateAsync(sc.Teacher, new MeetingDraft(sc.ClassChat, MeetingKind.Lesson, "Урок рисования", DateTimeOffset.UtcNow.AddDays(1), false));
        Assert.Contains(await DatabaseScan.FindAsync(env.ConnectionString, [sc.TeacherName]), f => f.StartsWith("orleansstorage.payloadbinary", StringComparison.Ordinal));

        var status = await env.Grains.GetGrain<IPersonErasureGrain>(PersonKeys.ForUser(sc.Teacher)).OrderAsync(sc.AdminId, Order(sc.SchoolId));
        Assert.Equal(ErasureState.Done, status.State);
        var left = await DatabaseScan.FindAsync(env.ConnectionString, [sc.TeacherName], "destruction_acts");
        Assert.True(left.Count == 0, "still found:\n" + string.Join("\n", left));
        Assert.Equal(FormerMember.Name, (await meeting.GetAsync(sc.Classmate)).HostName);
    }

    [Fact]
    public async Task Only_the_persons_school_admin_orders_erasure_and_reads_acts()
    {
        var sc = await ErasureScenario.CreateAsync(env);
        var other = await ErasureScenario.CreateAsync(env);
        var erasure = env.Grains.GetGrain<IPersonErasureGrain>(PersonKeys.ForUser(sc.Pupil));
        foreach (var outsider in new[] { sc.Teacher, sc.Parent, sc.Classmate, other.AdminId })
        {
            Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => erasure.OrderAsync(outsider, Order(sc.SchoolId)))).Code);
            var desk = env.Grains.GetGrain<IPersonalDataGrain>(sc.SchoolId);
            Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => desk.ListActsAsync(outsider))).Code);
            Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => desk.GetActPdfAsync(outsider, Guid.NewGuid(), false))).Code);
            Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => desk.GetPersonAsync(outsider, "S000001"))).Code);
        }

        // Another school's admin ordering it "in their own school" does not reach a person who is not in it.
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => erasure.OrderAsync(other.AdminId, Order(other.SchoolId)))).Code);
        Assert.Equal("erasure.not-confirmed", (await Assert.ThrowsAsync<DomainException>(() =>
            erasure.OrderAsync(sc.AdminId, Order(sc.SchoolId) with { Confirmed = false }))).Code);
        Assert.Equal("erasure.position-invalid", (await Assert.ThrowsAsync<DomainException>(() =>
            erasure.OrderAsync(sc.AdminId, Order(sc.SchoolId) with { PerformerPosition = "" }))).Code);
        Assert.Equal(ErasureState.NotOrdered, (await erasure.GetStatusAsync()).State);
        Assert.NotNull(await env.Grains.GetGrain<IUserGrain>(sc.Pupil).GetProfileAsync());
    }
}
