using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Sferum.Common;
using Sferum.Consents;
using Sferum.PersonalData;
using Sferum.Grains.Tests.Rosters;
using Sferum.Testing;

namespace Sferum.Grains.Tests.Consents;

/// <summary>
/// Consents against the real PostgreSQL: the exact text and its hash are stored, a withdrawal stops the processing and
/// schedules destruction after the configured days (12 in this cluster), another basis means nothing is destroyed and
/// the basis is named, and nobody acts for a person who is not theirs.
/// </summary>
[Collection(GrainCollection.Name)]
public sealed class ConsentTests(GrainTestEnvironment env)
{
    [Fact]
    public async Task A_parents_consent_for_her_child_stores_the_exact_text_shown_with_its_hash_and_is_audited_without_names()
    {
        var fx = await ConsentFixture.CreateAsync(env);
        var offer = await fx.OfferAsync(env.Grains, fx.Mother, "S1");
        var given = await fx.Consents(env.Grains).GiveAsync(fx.Mother, ConsentFixture.Accept(offer, "S1", "8 (912) 345-67-89"));

        await using var connection = new NpgsqlConnection(env.ConnectionString);
        await connection.OpenAsync();
        await using (var command = new NpgsqlCommand("""
            SELECT c.document, c.document_sha256, t.body, t.sha256, c.subject_key, c.subject_user_id, c.given_by, c.as_parent,
                   c.operator_name, c.operator_address, d.value
            FROM consents c JOIN consent_texts t ON t.purpose = c.purpose AND t.version = c.text_version
            JOIN consent_data d ON d.consent_id = c.consent_id WHERE c.consent_id = @id
            """, connection))
        {
            command.Parameters.AddWithValue("id", given.ConsentId);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            var document = reader.GetString(0);
            Assert.Equal(offer.Document, document);
            Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(document)), reader.GetFieldValue<byte[]>(1));
            Assert.Equal(offer.DocumentSha256, Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(1)));
            // The version's own text is stored with its own hash, whatever the document filled in.
            Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(reader.GetString(2))), reader.GetFieldValue<byte[]>(3));
            Assert.Equal(("S1", fx.MinorPupil, fx.Mother, true), (reader.GetString(4), reader.GetGuid(5), reader.GetGuid(6), reader.GetBoolean(7)));
            Assert.Equal((fx.Operator.LegalName, fx.Operator.Address), (reader.GetString(8), reader.GetString(9)));
            Assert.Equal("+79123456789", reader.GetString(10));
            // The document names who, for whom, the operator, the period; never the number itself (it may be destroyed).
            Assert.Contains("Родителева Мария", document);
            Assert.Contains("законный представитель", document);
            Assert.Contains("Родителева Вера Олеговна", document);
            Assert.Contains(fx.Operator.Address, document);
            Assert.Contains("не более 12 дней", document);
            AssertNoPhone(document);
            Assert.DoesNotContain("{{", document);
        }

        var entry = await AuditAsync(fx.SchoolId, ConsentAudit.Given, fx.MinorPupil);
        Assert.Equal(fx.Mother, entry.Actor);
        Assert.Contains("\"subject\": \"S1\"", entry.Details);
        Assert.DoesNotContain("Родителев", entry.Summary + entry.Details);
        AssertNoPhone(entry.Summary + entry.Details);
    }

    [Fact]
    public async Task Withdrawal_stops_the_phone_being_shown_at_once_and_schedules_its_destruction_after_the_configured_days()
    {
        var fx = await ConsentFixture.CreateAsync(env);
        var consents = fx.Consents(env.Grains);
        var given = await consents.GiveAsync(fx.Mother, ConsentFixture.Accept(await fx.OfferAsync(env.Grains, fx.Mother, "S1"), "S1", "+7 912 000-11-22"));
        var shown = Assert.Single(await consents.GetClassPhonesAsync(fx.Teacher, fx.ClassId));
        Assert.Equal(("S1", "+79120001122"), (shown.SubjectKey, shown.Phone));

        var outcome = await consents.WithdrawAsync(fx.Mother, given.ConsentId);

        Assert.Empty(await consents.GetClassPhonesAsync(fx.Teacher, fx.ClassId));
        Assert.Null(outcome.RemainingBasis);
        Assert.Equal(outcome.WithdrawnAt.AddDays(12), outcome.DestroyBy);
        Assert.Equal(["номер мобильного телефона для учителей класса"], outcome.DestroyedCategories);
        await using var connection = new NpgsqlConnection(env.ConnectionString);
        await connection.OpenAsync();
        await using (var command = new NpgsqlCommand("""
            SELECT d.destroy_by - d.scheduled_at, d.categories, d.reason, d.subject_key, d.subject_user_id, d.destroyed_at IS NULL,
                   c.withdrawn_at = d.scheduled_at, (SELECT count(*) FROM consent_data x WHERE x.consent_id = c.consent_id)
            FROM personal_data_destructions d JOIN consents c ON c.consent_id = d.consent_id WHERE d.consent_id = @id
            """, connection))
        {
            command.Parameters.AddWithValue("id", given.ConsentId);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal(TimeSpan.FromDays(12), reader.GetFieldValue<TimeSpan>(0));
            Assert.Equal(["contact-phone"], reader.GetFieldValue<string[]>(1));
            Assert.Equal(("отзыв согласия", "S1", fx.MinorPupil, true, true), (reader.GetString(2), reader.GetString(3), reader.GetGuid(4), reader.GetBoolean(5), reader.GetBoolean(6)));
            // The number waits for the erasure job; nothing reads it meanwhile.
            Assert.Equal(1L, reader.GetInt64(7));
            Assert.False(await reader.ReadAsync());
        }

        await AuditAsync(fx.SchoolId, ConsentAudit.Withdrawn, fx.MinorPupil);
        var scheduled = await AuditAsync(fx.SchoolId, ConsentAudit.DestructionScheduled, fx.MinorPupil);
        Assert.Contains("не позднее", scheduled.Summary);

        // The profile says the same, and a second withdrawal (a double click) changes nothing.
        var again = await consents.WithdrawAsync(fx.Mother, given.ConsentId);
        Assert.Equal((outcome.WithdrawnAt, outcome.DestroyBy), (again.WithdrawnAt, again.DestroyBy));
        var record = (await consents.GetOverviewAsync(fx.Mother))!.Subjects.Single(s => s.SubjectKey == "S1").Consents.Single();
        Assert.Equal((false, outcome.DestroyBy, (string?)null), (record.InForce, record.DestroyBy, record.Phone));
        Assert.Equal(1L, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM personal_data_destructions WHERE consent_id = @id", ("id", given.ConsentId)));
    }

    [Fact]
    public async Task When_the_journal_lists_the_same_number_nothing_is_destroyed_and_the_remaining_basis_is_named()
    {
        var fx = await ConsentFixture.CreateAsync(env);
        var consents = fx.Consents(env.Grains);
        var self = (await consents.GetOverviewAsync(fx.Mother))!.Subjects.Single(s => s.IsSelf);
        Assert.Equal($"u:{fx.Mother}", self.SubjectKey);
        Assert.Contains(self.Bases, b => b.Category == "roster-contacts" && b.Basis == LegalBasis.Roster);
        var offer = self.Offers.Single();
        Assert.Equal(ConsentFixture.MotherRosterPhone, offer.SuggestedPhone);
        var given = await consents.GiveAsync(fx.Mother, ConsentFixture.Accept(offer, self.SubjectKey, offer.SuggestedPhone));
        Assert.Contains((await consents.GetClassPhonesAsync(fx.Teacher, fx.ClassId)), p => p.SubjectKey == self.SubjectKey);

        var outcome = await consents.WithdrawAsync(fx.Mother, given.ConsentId);

        Assert.Null(outcome.DestroyBy);
        Assert.Empty(outcome.DestroyedCategories);
        Assert.Contains("списках школы из электронного журнала", outcome.RemainingBasis);
        Assert.DoesNotContain((await consents.GetClassPhonesAsync(fx.Teacher, fx.ClassId)), p => p.SubjectKey == self.SubjectKey);
        Assert.Equal(0L, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM personal_data_destructions WHERE consent_id = @id", ("id", given.ConsentId)));
        // The consent's own copy of the number goes at once: the journal's stays.
        Assert.Equal(0L, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM consent_data WHERE consent_id = @id", ("id", given.ConsentId)));
        Assert.Contains("списках школы", await Sql.ScalarAsync<string>(env.ConnectionString, "SELECT remaining_basis FROM consents WHERE consent_id = @id", ("id", given.ConsentId)));
    }

    [Fact]
    public async Task A_number_Gosuslugi_vouched_for_stays_under_the_sign_in_basis_and_another_number_is_destroyed()
    {
        var fx = await ConsentFixture.CreateAsync(env);
        var consents = fx.Consents(env.Grains);
        var self = (await consents.GetOverviewAsync(fx.OtherMother))!.Subjects.Single(s => s.IsSelf);
        Assert.Contains(self.Bases, b => b.Category == "account" && b.Basis == LegalBasis.SignIn);
        var offer = self.Offers.Single();
        Assert.Equal(ConsentFixture.OtherMotherVerifiedPhone, offer.SuggestedPhone);

        var vouched = await consents.GiveAsync(fx.OtherMother, ConsentFixture.Accept(offer, self.SubjectKey, offer.SuggestedPhone));
        var kept = await consents.WithdrawAsync(fx.OtherMother, vouched.ConsentId);
        Assert.Null(kept.DestroyBy);
        Assert.Contains("подтверждён Госуслугами", kept.RemainingBasis);

        var typed = await consents.GiveAsync(fx.OtherMother, ConsentFixture.Accept(await fx.OfferAsync(env.Grains, fx.OtherMother, self.SubjectKey), self.SubjectKey, "+7 900 123-00-00"));
        var destroyed = await consents.WithdrawAsync(fx.OtherMother, typed.ConsentId);
        Assert.Null(destroyed.RemainingBasis);
        Assert.Equal(destroyed.WithdrawnAt.AddDays(12), destroyed.DestroyBy);
    }

    [Fact]
    public async Task A_parent_acting_for_a_child_not_hers_and_anyone_acting_for_someone_else_are_refused_and_traced()
    {
        var fx = await ConsentFixture.CreateAsync(env);
        var consents = fx.Consents(env.Grains);
        var offer = await fx.OfferAsync(env.Grains, fx.Mother, "S1");
        var refusalsBefore = await RefusalsAsync(fx.SchoolId);

        // Ольга (S3) is the other mother's daughter: the grain refuses the mother whatever her form says.
        await RefusedAsync(() => consents.GiveAsync(fx.Mother, ConsentFixture.Accept(offer, "S3", "+7 900 000-00-01")));
        foreach (var stranger in new[] { fx.OtherMother, fx.Teacher, fx.AdminId, fx.OtherPupil, Guid.NewGuid() })
        {
            await RefusedAsync(() => consents.GiveAsync(stranger, ConsentFixture.Accept(offer, "S1", "+7 900 000-00-01")));
        }

        var given = await consents.GiveAsync(fx.Mother, ConsentFixture.Accept(offer, "S1", "+7 900 000-00-02"));
        foreach (var stranger in new[] { fx.OtherMother, fx.Teacher, fx.AdminId, fx.AdultPupil })
        {
            await RefusedAsync(() => consents.WithdrawAsync(stranger, given.ConsentId));
        }

        Assert.Equal(refusalsBefore + 10, await RefusalsAsync(fx.SchoolId));
        Assert.True(Assert.Single(await consents.GetOverviewAsync(fx.Mother) is { } o ? o.Subjects.Where(s => s.SubjectKey == "S1") : []).Consents.Single().InForce);
        // The other mother's page lists her own daughter only.
        Assert.DoesNotContain((await consents.GetOverviewAsync(fx.OtherMother))!.Subjects, s => s.SubjectKey is "S1" or "S2");
        // Only the class's teachers see the consented numbers; its other members are refused.
        await RefusedAsync(() => consents.GetClassPhonesAsync(fx.Mother, fx.ClassId));
        await RefusedAsync(() => consents.GetClassPhonesAsync(fx.OtherPupil, fx.ClassId));
    }

    [Fact]
    public async Task A_pupil_under_18_cannot_consent_alone_but_may_withdraw_and_a_parent_cannot_consent_for_an_adult_child()
    {
        var fx = await ConsentFixture.CreateAsync(env);
        var consents = fx.Consents(env.Grains);
        var minorSelf = (await consents.GetOverviewAsync(fx.MinorPupil))!.Subjects.Single();
        Assert.Equal(("S1", true), (minorSelf.SubjectKey, minorSelf.IsSelf));
        Assert.Empty(minorSelf.Offers);
        Assert.Contains("младше 18", minorSelf.CannotGiveReason);

        var mothers = (await consents.GetOverviewAsync(fx.Mother))!;
        var adultChild = mothers.Subjects.Single(s => s.SubjectKey == "S2");
        Assert.Empty(adultChild.Offers);
        Assert.Contains("18", adultChild.CannotGiveReason);
        var motherOffer = await fx.OfferAsync(env.Grains, fx.Mother, "S1");
        var forged = ConsentFixture.Accept(motherOffer, "S2", "+7 900 000-00-03");
        Assert.Equal("consent.adult-child", (await Assert.ThrowsAsync<DomainException>(() => consents.GiveAsync(fx.Mother, forged))).Code);

        var adultOffer = (await consents.GetOverviewAsync(fx.AdultPupil))!.Subjects.Single().Offers.Single();
        await consents.GiveAsync(fx.AdultPupil, ConsentFixture.Accept(adultOffer, "S2", "+7 900 000-00-04"));
        // His own consent is his: his mother's page does not show it, nor what is held about him.
        var sonSeenByMother = (await consents.GetOverviewAsync(fx.Mother))!.Subjects.Single(s => s.SubjectKey == "S2");
        Assert.Equal((0, 0, false), (sonSeenByMother.Consents.Count, sonSeenByMother.Bases.Count, sonSeenByMother.CanWithdraw));

        // The minor withdraws what her mother gave for her.
        var given = await consents.GiveAsync(fx.Mother, ConsentFixture.Accept(motherOffer, "S1", "+7 900 000-00-05"));
        Assert.NotNull((await consents.WithdrawAsync(fx.MinorPupil, given.ConsentId)).DestroyBy);
    }

    [Fact]
    public async Task A_form_with_a_bad_number_no_tick_or_a_text_that_changed_meanwhile_is_refused_naming_the_problem()
    {
        var fx = await ConsentFixture.CreateAsync(env);
        var consents = fx.Consents(env.Grains);
        var offer = await fx.OfferAsync(env.Grains, fx.Mother, "S1");

        Assert.Equal("consent.phone-invalid", (await Assert.ThrowsAsync<DomainException>(() =>
            consents.GiveAsync(fx.Mother, ConsentFixture.Accept(offer, "S1", "12345")))).Code);
        var unticked = ConsentFixture.Accept(offer, "S1", "+7 900 000-00-06") with { Accepted = false };
        Assert.StartsWith("«Я прочитал(а)", (await Assert.ThrowsAsync<DomainException>(() => consents.GiveAsync(fx.Mother, unticked))).Message);

        // The school moved: the text shown before names the old address, so it is not the one that would be stored.
        await env.Grains.GetGrain<ISchoolOperatorGrain>(fx.SchoolId).SetAsync(fx.AdminId, fx.Operator with { Address = "г. Казань, ул. Новая, д. 1" });
        Assert.Equal("consent.text-changed", (await Assert.ThrowsAsync<DomainException>(() =>
            consents.GiveAsync(fx.Mother, ConsentFixture.Accept(offer, "S1", "+7 900 000-00-06")))).Code);
        var fresh = await fx.OfferAsync(env.Grains, fx.Mother, "S1");
        Assert.Contains("ул. Новая", (await consents.GiveAsync(fx.Mother, ConsentFixture.Accept(fresh, "S1", "+7 900 000-00-06"))).Document);
        Assert.Equal("consent.already-given", (await Assert.ThrowsAsync<DomainException>(() =>
            consents.GiveAsync(fx.Mother, ConsentFixture.Accept(fresh, "S1", "+7 900 000-00-07")))).Code);

        var badOperator = await Assert.ThrowsAsync<DomainException>(() => env.Grains.GetGrain<ISchoolOperatorGrain>(fx.SchoolId).SetAsync(fx.AdminId, new OperatorDetails("МБОУ", "дом")));
        Assert.StartsWith("Адрес школы", badOperator.Message);
        await RefusedAsync(() => env.Grains.GetGrain<ISchoolOperatorGrain>(fx.SchoolId).SetAsync(fx.Teacher, fx.Operator));
    }

    [Fact]
    public async Task The_register_is_for_the_schools_admins_only_filters_and_every_read_is_in_the_audit_log()
    {
        var fx = await ConsentFixture.CreateAsync(env);
        var consents = fx.Consents(env.Grains);
        var given = await consents.GiveAsync(fx.Mother, ConsentFixture.Accept(await fx.OfferAsync(env.Grains, fx.Mother, "S1"), "S1", "+7 900 000-00-08"));
        var adult = (await consents.GetOverviewAsync(fx.AdultPupil))!.Subjects.Single().Offers.Single();
        var own = await consents.GiveAsync(fx.AdultPupil, ConsentFixture.Accept(adult, "S2", "+7 900 000-00-09"));
        await consents.WithdrawAsync(fx.AdultPupil, own.ConsentId);

        var all = await consents.GetRegisterAsync(fx.AdminId, new ConsentRegisterQuery());
        Assert.Equal(2, all.Total);
        Assert.All(all.Rows, r => Assert.Null(r.Phone));
        var inForce = Assert.Single((await consents.GetRegisterAsync(fx.AdminId, new ConsentRegisterQuery(InForce: true))).Rows);
        Assert.Equal((given.ConsentId, "Родителева Мария Ивановна", "Родителева Вера Олеговна", true),
            (inForce.ConsentId, inForce.GivenByName, inForce.SubjectName, inForce.AsParent));
        var withdrawn = Assert.Single((await consents.GetRegisterAsync(fx.AdminId, new ConsentRegisterQuery(Name: "пётр"))).Rows);
        Assert.NotNull(withdrawn.DestroyBy);
        Assert.Equal(0, (await consents.GetRegisterAsync(fx.AdminId, new ConsentRegisterQuery(Purpose: ConsentPurposes.ProfilePhoto))).Total);
        Assert.Equal(4L, await Sql.CountAsync(env.ConnectionString,
            "SELECT count(*) FROM audit_log WHERE school_id = @s AND action = 'consent.register-viewed' AND actor_user_id = @a", ("s", fx.SchoolId), ("a", fx.AdminId)));

        // Another school's admin, the class's teacher and pupils are refused.
        var (_, otherAdmin) = await new RosterFixtures(env).NewSchoolAsync(TestSnils.Next());
        foreach (var outsider in new[] { otherAdmin, fx.Teacher, fx.AdultPupil, fx.MinorPupil, fx.Mother })
        {
            await RefusedAsync(() => consents.GetRegisterAsync(outsider, new ConsentRegisterQuery()));
        }
    }

    [Fact]
    public async Task Shipped_texts_fill_every_placeholder_and_a_published_version_cannot_be_changed()
    {
        var fx = await ConsentFixture.CreateAsync(env);
        var texts = new ConsentTexts(NpgsqlDataSource.Create(env.ConnectionString));
        foreach (var purpose in new[] { ConsentPurposes.ContactPhone, ConsentPurposes.ProfilePhoto })
        {
            var text = (await texts.LatestAsync(purpose))!;
            var document = ConsentDocument.Render(text, new("Иванова Анна", true, "Иванов Пётр", fx.Operator, 30));
            Assert.DoesNotContain("{{", document);
            Assert.Contains("не более 30 дней", document);
            Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(text.Body)), text.Sha256);
        }

        Assert.Equal("не более 21 дня", ConsentDocument.Within(21));
        Assert.Equal("не более 11 дней", ConsentDocument.Within(11));
        var refused = await Assert.ThrowsAsync<PostgresException>(() => Sql.ExecuteAsync(env.ConnectionString,
            "UPDATE consent_texts SET body = body || ' ' WHERE purpose = 'contact-phone'"));
        Assert.Contains("never changes", refused.MessageText);
    }

    private static async Task RefusedAsync(Func<Task> act) =>
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(act)).Code);

    private Task<long> RefusalsAsync(Guid schoolId) =>
        Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM audit_log WHERE school_id = @s AND action = 'access.refused'", ("s", schoolId));

    private async Task<(Guid Actor, string Summary, string Details)> AuditAsync(Guid schoolId, string action, Guid subject)
    {
        await using var connection = new NpgsqlConnection(env.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT actor_user_id, summary, details::text FROM audit_log WHERE school_id = @s AND action = @a AND subject_user_id = @subject ORDER BY id DESC LIMIT 1",
            connection);
        command.Parameters.AddWithValue("s", schoolId);
        command.Parameters.AddWithValue("a", action);
        command.Parameters.AddWithValue("subject", subject);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no {action} entry about {subject}");
        return (reader.GetGuid(0), reader.GetString(1), reader.GetString(2));
    }

    // The number as typed ("8 (912) 345-67-89") or normalised (+79123456789) in any form; "345" alone also turns up in
    // a random GUID of the audit details (a flaky failure once).
    private static void AssertNoPhone(string text)
    {
        foreach (var form in new[] { "345-67-89", "3456789", "345 67 89" })
        {
            Assert.DoesNotContain(form, text);
        }
    }
}
