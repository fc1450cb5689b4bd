using MimeKit;
using Sferum.Chats;
using Sferum.Common;
using Sferum.Digest;
using Sferum.PersonalData;
using Sferum.Schools;
using Sferum.Testing;

namespace Sferum.Grains.Tests.Digest;

/// <summary>
/// The e-mail digest end to end: the silo composes and sends through MailKit to a real SMTP server (aiosmtpd) that
/// the test starts and whose stored messages it reads.
/// </summary>
[Collection(GrainCollection.Name)]
public sealed class DigestTests(GrainTestEnvironment env)
{
    [Fact]
    public async Task A_parent_gets_one_letter_with_chat_names_counts_and_authors_but_no_text_and_nothing_again_for_the_same_messages()
    {
        await using var fx = await DigestFixture.CreateAsync(env);
        var digest = env.Grains.GetGrain<IPersonDigestGrain>(fx.Chats.Parent);
        var settings = await digest.SetSettingsAsync(fx.Chats.Parent, new DigestChoice(true, 0, 18));
        Assert.True(settings.Enabled);
        Assert.Equal(fx.Address, settings.Address);
        Assert.NotNull(settings.NextDueAt);

        var first = await fx.TeacherWritesAsync("Завтра экскурсия в музей, сбор в 8:30");
        await fx.TeacherWritesAsync("Возьмите сменную обувь");
        await fx.TeacherWritesAsync("Оплата до пятницы");
        var title = (await env.Grains.GetGrain<IChatGrain>(fx.Chats.ParentsChat).GetSummaryAsync(fx.Chats.Parent)).Title;

        var run = await digest.RunNowAsync();
        Assert.Equal(DigestOutcome.Sent, run.Outcome);
        var letter = Assert.Single(fx.Letters());
        Assert.Contains("3 сообщения", letter.Subject);
        Assert.Contains("1 чат", letter.Subject);
        Assert.Contains($"«{title}» — 3 сообщения", letter.TextBody);
        Assert.Contains(first.AuthorName, letter.TextBody);
        Assert.Contains(first.AuthorName, letter.HtmlBody);
        Assert.Contains($"{GrainTestEnvironment.DigestPublicUrl}/Chats/{fx.Chats.ParentsChat}", letter.HtmlBody);
        Assert.DoesNotContain("экскурсия", letter.TextBody + letter.HtmlBody); // the school did not allow text
        Assert.DoesNotContain("обувь", letter.TextBody + letter.HtmlBody);
        Assert.Equal($"digest-{run.DigestId:N}@school.test", letter.MessageId);
        Assert.Equal("List-Unsubscribe=One-Click", letter.Headers["List-Unsubscribe-Post"]);
        var token = await Sql.ScalarAsync<string>(env.ConnectionString, "SELECT unsubscribe_token FROM digest_settings WHERE user_id = @u", ("u", fx.Chats.Parent));
        Assert.Equal($"<{GrainTestEnvironment.DigestPublicUrl}/Digest/Unsubscribe?token={token}>", letter.Headers["List-Unsubscribe"]);

        // The same messages never go into a second letter.
        Assert.Equal(DigestOutcome.NothingNew, (await digest.RunNowAsync()).Outcome);
        Assert.Single(fx.Letters());

        // A new message does, alone; one the mother has read does not.
        var read = await fx.TeacherWritesAsync("Прочитанное");
        await env.Grains.GetGrain<IChatGrain>(fx.Chats.ParentsChat).MarkReadAsync(fx.Chats.Parent, read.Seq);
        Assert.Equal(DigestOutcome.NothingNew, (await digest.RunNowAsync()).Outcome);
        await fx.TeacherWritesAsync("Собрание в четверг");
        Assert.Equal(DigestOutcome.Sent, (await digest.RunNowAsync()).Outcome);
        Assert.Equal(2, fx.Letters().Count);
        Assert.Contains("«" + title + "» — 1 сообщение.", fx.Letters()[1].TextBody);
    }

    [Fact]
    public async Task Where_the_school_allows_it_the_letter_quotes_the_messages_and_only_its_admins_set_that()
    {
        await using var fx = await DigestFixture.CreateAsync(env);
        var policy = env.Grains.GetGrain<ISchoolDigestPolicyGrain>(fx.Chats.SchoolId);
        Assert.False((await policy.GetAsync(fx.Chats.AdminId)).IncludeText);
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() =>
            policy.SetAsync(fx.Chats.Teacher, SchoolDigestPolicy.Default with { IncludeText = true }))).Code);
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => policy.GetAsync(fx.Chats.Parent))).Code);
        await policy.SetAsync(fx.Chats.AdminId, SchoolDigestPolicy.Default with { IncludeText = true });

        var digest = env.Grains.GetGrain<IPersonDigestGrain>(fx.Chats.Parent);
        await digest.SetSettingsAsync(fx.Chats.Parent, new DigestChoice(true, 6, 0));
        await fx.TeacherWritesAsync("Завтра <b>экскурсия</b> в музей");
        Assert.Equal(DigestOutcome.Sent, (await digest.RunNowAsync()).Outcome);
        var letter = Assert.Single(fx.Letters());
        Assert.Contains("Завтра <b>экскурсия</b> в музей", letter.TextBody);
        Assert.Contains("Завтра &lt;b&gt;экскурсия&lt;/b&gt; в музей", letter.HtmlBody);
        Assert.Equal(1, await Sql.CountAsync(env.ConnectionString,
            "SELECT count(*) FROM audit_log WHERE school_id = @s AND action = 'digest.policy-changed'", ("s", fx.Chats.SchoolId)));
    }

    [Fact]
    public async Task A_letter_the_server_could_not_take_is_retried_by_the_scheduler_and_delivered_once()
    {
        await using var fx = await DigestFixture.CreateAsync(env);
        var digest = env.Grains.GetGrain<IPersonDigestGrain>(fx.Chats.Parent);
        await digest.SetSettingsAsync(fx.Chats.Parent, new DigestChoice(true, 24, 0));
        await fx.TeacherWritesAsync("Родительское собрание перенесено");
        await fx.Smtp.StopAsync();

        var failed = await digest.RunNowAsync();
        Assert.Equal(DigestOutcome.Failed, failed.Outcome);
        Assert.Equal(1, await Sql.CountAsync(env.ConnectionString,
            "SELECT count(*) FROM digest_sends WHERE digest_id = @d AND sent_at IS NULL AND attempts = 1 AND last_error LIKE 'socket%'", ("d", failed.DigestId!.Value)));
        await fx.TeacherWritesAsync("И ещё одно"); // arrives after the letter was composed: the next letter's

        await fx.Smtp.StartAsync();
        // The scheduler's pass (what the reminder runs) picks the retry up once its backoff (3 s here) has passed.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var sent = 0;
        while (sent == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            sent = await env.Grains.GetGrain<IDigestSchedulerGrain>(0).RunAsync();
        }

        var letter = Assert.Single(fx.Letters());
        Assert.Equal($"digest-{failed.DigestId:N}@school.test", letter.MessageId); // the same letter, not a new one
        Assert.Contains("1 сообщение", letter.Subject);
        Assert.Equal(0, await env.Grains.GetGrain<IDigestSchedulerGrain>(0).RunAsync()); // not due again for 24 hours
        Assert.Single(fx.Letters());
        Assert.Equal(DigestOutcome.Sent, (await digest.RunNowAsync()).Outcome);
        Assert.Contains("«", fx.Letters()[1].TextBody);
        Assert.Contains("1 сообщение", fx.Letters()[1].Subject);
        Assert.Equal(2, fx.Letters().Select(l => l.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task During_the_schools_quiet_hours_nothing_is_sent_and_the_digest_waits_for_their_end()
    {
        await using var fx = await DigestFixture.CreateAsync(env);
        var school = env.Grains.GetGrain<ISchoolGrain>(fx.Chats.SchoolId);
        var moscow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"));
        int Minute(DateTimeOffset t) => t.Hour * 60 + t.Minute;
        await school.SetChatPolicyAsync(fx.Chats.AdminId, (await school.GetChatPolicyAsync()) with
        {
            QuietHoursOff = false, QuietStartMinute = Minute(moscow.AddHours(-1)), QuietEndMinute = Minute(moscow.AddHours(1)),
        });
        var digest = env.Grains.GetGrain<IPersonDigestGrain>(fx.Chats.Parent);
        await digest.SetSettingsAsync(fx.Chats.Parent, new DigestChoice(true, 1, 0));
        await fx.TeacherWritesAsync("Поздно вечером");

        var run = await digest.RunNowAsync();
        Assert.Equal(DigestOutcome.QuietHours, run.Outcome);
        var end = (await school.GetQuietHoursAsync()).EndOf(DateTimeOffset.UtcNow);
        Assert.Equal(end, run.NextAt);
        Assert.Equal(0, await env.Grains.GetGrain<IDigestSchedulerGrain>(0).RunAsync());
        Assert.Equal(DigestOutcome.NotDue, (await digest.RunIfDueAsync()).Outcome);
        Assert.Empty(fx.Letters());

        // When the quiet hours are over (here: switched off), the letter goes.
        await school.SetChatPolicyAsync(fx.Chats.AdminId, (await school.GetChatPolicyAsync()) with { QuietHoursOff = true });
        Assert.Equal(DigestOutcome.Sent, (await digest.RunNowAsync()).Outcome);
        Assert.Single(fx.Letters());
    }

    [Fact]
    public async Task The_schools_default_gives_a_parent_who_chose_nothing_a_daily_letter_and_the_letters_token_turns_it_off()
    {
        await using var fx = await DigestFixture.CreateAsync(env);
        var digest = env.Grains.GetGrain<IPersonDigestGrain>(fx.Chats.Parent);
        Assert.False((await digest.GetSettingsAsync(fx.Chats.Parent)).Enabled);
        await env.Grains.GetGrain<ISchoolDigestPolicyGrain>(fx.Chats.SchoolId).SetAsync(fx.Chats.AdminId, new SchoolDigestPolicy(true, 7, false));
        var settings = await digest.GetSettingsAsync(fx.Chats.Parent);
        Assert.True(settings is { Enabled: true, FromSchoolDefault: true, EveryHours: 0, SendHour: 7 });
        Assert.False((await env.Grains.GetGrain<IPersonDigestGrain>(fx.Chats.Teacher).GetSettingsAsync(fx.Chats.Teacher)).Enabled); // parents only

        // The scheduler finds her; her first letter is due at the school's hour, not at once.
        await fx.TeacherWritesAsync("Напоминание об оплате питания");
        await env.Grains.GetGrain<IDigestSchedulerGrain>(0).RunAsync();
        var due = await Sql.ScalarAsync<DateTime>(env.ConnectionString, "SELECT next_due_at FROM digest_schedule WHERE user_id = @u", ("u", fx.Chats.Parent));
        Assert.Equal(7, TimeZoneInfo.ConvertTime(new DateTimeOffset(due, TimeSpan.Zero), TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")).Hour);
        Assert.Empty(fx.Letters());
        Assert.Equal(DigestOutcome.Sent, (await digest.RunNowAsync()).Outcome);
        var header = Assert.Single(fx.Letters()).Headers["List-Unsubscribe"]!;
        var token = Uri.UnescapeDataString(header[(header.IndexOf("token=", StringComparison.Ordinal) + 6)..^1]);

        var unsubscribe = env.Grains.GetGrain<IDigestUnsubscribeGrain>(0);
        Assert.False(await unsubscribe.UnsubscribeAsync(token[..^2] + "xx")); // forged: nothing changes
        Assert.False(await unsubscribe.IsValidAsync(""));
        Assert.True((await digest.GetSettingsAsync(fx.Chats.Parent)).Enabled);
        Assert.True(await unsubscribe.IsValidAsync(token));
        Assert.True(await unsubscribe.UnsubscribeAsync(token));
        settings = await digest.GetSettingsAsync(fx.Chats.Parent);
        Assert.True(settings is { Enabled: false, FromSchoolDefault: false }); // her own choice now outranks the school's default
        await fx.TeacherWritesAsync("После отписки");
        Assert.Equal(DigestOutcome.Off, (await digest.RunNowAsync()).Outcome);
        Assert.Single(fx.Letters());
    }

    [Fact]
    public async Task Only_the_person_reads_and_changes_their_settings_and_without_a_verified_address_it_cannot_be_turned_on()
    {
        await using var fx = await DigestFixture.CreateAsync(env);
        var parent = env.Grains.GetGrain<IPersonDigestGrain>(fx.Chats.Parent);
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => parent.GetSettingsAsync(fx.Chats.Teacher))).Code);
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() =>
            parent.SetSettingsAsync(fx.Chats.AdminId, new DigestChoice(true, 0, 18)))).Code);
        Assert.Equal("digest.schedule-invalid", (await Assert.ThrowsAsync<DomainException>(() =>
            parent.SetSettingsAsync(fx.Chats.Parent, new DigestChoice(true, 0, 24)))).Code);
        var teacher = env.Grains.GetGrain<IPersonDigestGrain>(fx.Chats.Teacher); // signed in without an e-mail
        Assert.Null((await teacher.GetSettingsAsync(fx.Chats.Teacher)).Address);
        Assert.Equal("digest.no-address", (await Assert.ThrowsAsync<DomainException>(() =>
            teacher.SetSettingsAsync(fx.Chats.Teacher, new DigestChoice(true, 0, 18)))).Code);
        Assert.Equal(0, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM digest_settings WHERE user_id = ANY(@u)",
            ("u", new[] { fx.Chats.Parent, fx.Chats.Teacher })));
    }
    [Fact]
    public async Task An_erasure_of_the_person_deletes_every_row_of_their_digest()
    {
        await using var fx = await DigestFixture.CreateAsync(env);
        var digest = env.Grains.GetGrain<IPersonDigestGrain>(fx.Chats.Parent);
        await digest.SetSettingsAsync(fx.Chats.Parent, new DigestChoice(true, 0, 18));
        await fx.TeacherWritesAsync("До стирания");
        Assert.Equal(DigestOutcome.Sent, (await digest.RunNowAsync()).Outcome);
        await fx.TeacherWritesAsync("Ещё одно");
        await fx.Smtp.StopAsync();
        Assert.Equal(DigestOutcome.Failed, (await digest.RunNowAsync()).Outcome); // a letter waiting too
        const string rows = """
            SELECT (SELECT count(*) FROM digest_settings WHERE user_id = @u) + (SELECT count(*) FROM digest_schedule WHERE user_id = @u)
                 + (SELECT count(*) FROM digest_watermarks WHERE user_id = @u) + (SELECT count(*) FROM digest_sends WHERE user_id = @u)
            """;
        Assert.Equal(5, await Sql.CountAsync(env.ConnectionString, rows, ("u", fx.Chats.Parent))); // settings, schedule, 1 mark, 2 letters

        var status = await env.Grains.GetGrain<IPersonErasureGrain>(PersonKeys.ForUser(fx.Chats.Parent))
            .OrderAsync(fx.Chats.AdminId, new AdminErasureOrder(fx.Chats.SchoolId, "Заявление родителя", "директор", Confirmed: true));
        Assert.Equal(ErasureState.Done, status.State);
        Assert.Equal(0, await Sql.CountAsync(env.ConnectionString, rows, ("u", fx.Chats.Parent)));
        await fx.Smtp.StartAsync();
        Assert.NotEqual(DigestOutcome.Sent, (await digest.RunNowAsync()).Outcome);
        Assert.Single(fx.Letters());
    }
}
