using Microsoft.Playwright;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>
/// School life on a phone-sized screen: a poll with live results, an announcement confirmed with one tap, a report that
/// the teacher acts on, a message scheduled for later, the class's materials and a club one asks to join.
/// </summary>
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

    [Fact]
    public async Task The_pupil_reports_a_message_and_the_teacher_hides_it_from_the_reports_page_while_the_pupil_watches()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var teacher = await Browsers.OpenClassChatAsync(browser, env, "teacher", phone: true);
        var pupil = await Browsers.OpenClassChatAsync(browser, env, "student", phone: true);
        var text = $"Неуместное {Guid.NewGuid():N}"[..22];
        await teacher.FillAsync("#text", text);
        await teacher.ClickAsync("#send");

        var message = pupil.Locator("#messages li[data-seq]", new() { HasText = text });
        await message.Locator("button", new() { HasText = "Пожаловаться" }).ClickAsync(new() { Timeout = 15_000 });
        await pupil.SelectOptionAsync("#report-form select[name=reason]", "Inappropriate");
        await pupil.FillAsync("#report-form textarea[name=comment]", "не по теме");
        await pupil.ClickAsync("#report-send");
        await Assertions.Expect(pupil.Locator("#status")).ToContainTextAsync("Жалоба отправлена");

        await teacher.ClickAsync("#reports-link");
        var report = teacher.Locator("#reports li.report", new() { HasText = text });
        await Assertions.Expect(report).ToContainTextAsync("Неподобающее содержание");
        await report.Locator("button", new() { HasText = "Скрыть сообщение" }).ClickAsync();
        await Assertions.Expect(teacher.Locator(".notice")).ToContainTextAsync("Сообщение скрыто");

        // The pupil did not reload: the message turned into a placeholder live.
        await Assertions.Expect(pupil.Locator("#messages li.deleted", new() { HasText = "Сообщение скрыто модератором" })).Not.ToHaveCountAsync(0, new() { Timeout = 10_000 });
        await Assertions.Expect(pupil.Locator("#messages")).Not.ToContainTextAsync(text);
    }

    [Fact]
    public async Task The_teacher_schedules_a_message_for_later_sees_it_waiting_and_cancels_it()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var teacher = await Browsers.OpenClassChatAsync(browser, env, "teacher", phone: true);
        var text = $"Завтра контрольная {Guid.NewGuid():N}"[..30];

        await teacher.FillAsync("#text", text);
        await teacher.ClickAsync("#schedule-toggle");
        await teacher.FillAsync("#schedule-form input[name=sendAt]", DateTime.Now.AddHours(2).ToString("yyyy-MM-ddTHH:mm"));
        await teacher.ClickAsync("#schedule-form button[type=submit]");
        await Assertions.Expect(teacher.Locator("#status")).ToContainTextAsync("Сообщение будет отправлено");
        var waiting = teacher.Locator("#scheduled li", new() { HasText = text });
        await Assertions.Expect(waiting).ToHaveCountAsync(1);
        await Assertions.Expect(teacher.Locator("#text")).ToHaveValueAsync("");

        await waiting.Locator("button", new() { HasText = "отменить" }).ClickAsync();
        await Assertions.Expect(waiting).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_teacher_publishes_a_link_in_the_class_library_and_the_pupil_finds_it_by_searching()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var teacher = await OpenClassPageAsync(browser, "teacher");
        var title = $"Презентация {Guid.NewGuid():N}"[..22];

        await teacher.ClickAsync("#class-materials");
        await teacher.FillAsync("#publish-material input[name=subject]", "История");
        await teacher.FillAsync("#publish-material input[name=title]", title);
        await teacher.FillAsync("#publish-material input[name=url]", "https://example.org/history");
        await teacher.ClickAsync("#publish-material button[type=submit]");
        await Assertions.Expect(teacher.Locator(".notice")).ToContainTextAsync($"Опубликовано: {title}");

        var pupil = await OpenClassPageAsync(browser, "student");
        await pupil.ClickAsync("#class-materials");
        await Assertions.Expect(pupil.Locator("#publish-material")).ToHaveCountAsync(0); // pupils read only
        await pupil.FillAsync("#materials-filter input[name=q]", title);
        await pupil.ClickAsync("#materials-filter button[type=submit]");
        var item = pupil.Locator("li[data-material-id]", new() { HasText = title });
        await Assertions.Expect(item).ToContainTextAsync("скачиваний: 0");
        await Assertions.Expect(item.Locator("a.material-link")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/download$"));
    }

    [Fact]
    public async Task A_pupil_asks_to_join_a_club_open_to_her_grade_and_is_in_its_chat_once_the_teacher_accepts()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var teacher = await OpenClassPageAsync(browser, "teacher");
        var club = $"Кружок {Guid.NewGuid():N}"[..16];

        await teacher.ClickAsync("#communities");
        await teacher.FillAsync("#create-community input[name=title]", club);
        await teacher.CheckAsync("#create-community input[name=grades][value='5']");
        await teacher.ClickAsync("#create-community button[type=submit]");
        await Assertions.Expect(teacher.Locator(".notice")).ToContainTextAsync("Сообщество создано");

        var pupil = await OpenClassPageAsync(browser, "student");
        await pupil.ClickAsync("#communities");
        var card = pupil.Locator("li.community", new() { HasText = club });
        await card.Locator("input[name=note]").FillAsync("Хочу участвовать");
        await card.Locator("button", new() { HasText = "Попросить принять" }).ClickAsync();
        await Assertions.Expect(pupil.Locator("li.community", new() { HasText = club }).Locator(".request-state")).ToContainTextAsync("Заявка отправлена");

        await teacher.ReloadAsync();
        await teacher.Locator("li.community", new() { HasText = club }).Locator("a.manage").ClickAsync();
        var request = teacher.Locator("#requests li", new() { HasText = "Хочу участвовать" });
        await request.Locator("button", new() { HasText = "Принять" }).ClickAsync();
        await Assertions.Expect(teacher.Locator(".notice")).ToContainTextAsync("Заявка принята");

        await pupil.ReloadAsync();
        await pupil.Locator("li.community", new() { HasText = club }).Locator("a", new() { HasText = "Открыть чат" }).ClickAsync();
        await pupil.WaitForSelectorAsync("#chat[data-ready='true']", new() { Timeout = 15_000 });
        await Assertions.Expect(pupil.Locator("h1")).ToHaveTextAsync(club);
    }

    private async Task<IPage> OpenClassPageAsync(IBrowser browser, string login)
    {
        var page = await Browsers.SignInAsync(browser, env, login, phone: true);
        await page.GotoAsync($"{env.Stack.WebUrl}/");
        await page.ClickAsync("a:has-text('5А')");
        await page.WaitForSelectorAsync("#class-name");
        return page;
    }
}
