using Microsoft.Playwright;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>School life on a phone-sized screen in 5А's chat: a poll with live results, an announcement confirmed with one tap.</summary>
[Collection(WebCollection.Name)]
public sealed class BrowserSchoolLifeTests(WebTestEnvironment env)
{
    [Fact]
    public async Task The_teacher_asks_the_pupil_answers_and_both_see_the_result_live()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var teacher = await Browsers.OpenClassChatAsync(browser, env, "teacher", phone: true);
        var pupil = await Browsers.OpenClassChatAsync(browser, env, "student", phone: true);
        var question = $"Экскурсия {Guid.NewGuid():N}"[..20];

        await teacher.ClickAsync("#poll-toggle");
        await teacher.FillAsync("#poll-form input[name=question]", question);
        await teacher.FillAsync("#poll-form textarea[name=options]", "Поеду\nНе поеду\n");
        await teacher.ClickAsync("#poll-form button[type=submit]");

        var card = pupil.Locator("#messages li[data-seq]", new() { HasText = question }).Locator(".poll");
        await Assertions.Expect(card.Locator("input[type=radio]")).ToHaveCountAsync(2, new() { Timeout = 15_000 });
        await card.Locator("label", new() { HasText = "Не поеду" }).ClickAsync();
        await card.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(card).ToContainTextAsync("Проголосовали: 1");
        await Assertions.Expect(card).ToContainTextAsync("Не поеду — 1 (100%) ✓");

        // The teacher did not reload: the count came live; she sees the pupil's name under the answer.
        var teachersCard = teacher.Locator("#messages li[data-seq]", new() { HasText = question }).Locator(".poll");
        await Assertions.Expect(teachersCard).ToContainTextAsync("Проголосовали: 1", new() { Timeout = 10_000 });
        await Assertions.Expect(teachersCard).ToContainTextAsync(env.User("student").LastName);
        await teachersCard.Locator("button", new() { HasText = "Кто не ответил?" }).ClickAsync();
        await Assertions.Expect(teachersCard.Locator(".poll-non-voters")).Not.ToContainTextAsync(env.User("student").LastName + " " + env.User("student").FirstName);
    }

    [Fact]
    public async Task The_teacher_announces_the_pupil_confirms_with_one_tap_and_the_teacher_sees_who_has_not()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var teacher = await Browsers.OpenClassChatAsync(browser, env, "teacher", phone: true);
        var pupil = await Browsers.OpenClassChatAsync(browser, env, "student", phone: true);
        var text = $"Форма парадная {Guid.NewGuid():N}"[..26];

        await teacher.CheckAsync("#requires-ack");
        await teacher.FillAsync("#text", text);
        await teacher.ClickAsync("#send");

        var mine = pupil.Locator("#messages li[data-seq]", new() { HasText = text });
        await mine.Locator("button.ack").ClickAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(mine.Locator("button.ack")).ToHaveTextAsync("✓ Вы подтвердили");

        var teachers = teacher.Locator("#messages li[data-seq]", new() { HasText = text });
        await teachers.Locator("button", new() { HasText = "Кто подтвердил?" }).ClickAsync();
        await Assertions.Expect(teachers.Locator(".ack-report")).ToContainTextAsync("подтвердили 1 из");
        // The pupils not yet in Sferum are listed as not confirmed; the one who tapped is not.
        await Assertions.Expect(teachers.Locator(".ack-missing")).ToContainTextAsync("Не подтвердили:");
        await Assertions.Expect(teachers.Locator(".ack-missing")).Not.ToContainTextAsync(env.User("student").LastName + " " + env.User("student").FirstName);
    }
}
