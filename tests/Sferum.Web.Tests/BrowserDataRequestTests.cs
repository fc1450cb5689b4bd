using Microsoft.Playwright;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>
/// In a real browser the demo school's admin registers a letter from the demo pupil's mother, sees its due date (ten
/// working days of the shipped calendar), finds it in the queue under an overdue one shown in red, and extends it once
/// with a reason that the notice to the mother then carries.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class BrowserDataRequestTests(WebTestEnvironment env)
{
    private static readonly Guid DemoSchool = Guid.Parse("7a5c0000-0000-4000-8000-000000000007");

    [Fact]
    public async Task The_admin_registers_a_letter_sees_its_due_date_in_the_queue_and_extends_it_once_with_a_reason()
    {
        // A letter that lay unanswered for two months, registered earlier: it heads the queue, overdue.
        using (var http = await env.SignedInAsync("admin"))
        {
            await DataRequestPages.RegisterAsync(http, DemoSchool, kind: "Correction", representative: null, receivedOn: DataRequestPages.Today.AddDays(-60));
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var page = await Browsers.SignInAsync(browser, env, "admin");
        await page.GotoAsync($"{env.Stack.WebUrl}/Schools/{DemoSchool}");
        await page.ClickAsync("#data-requests-link");
        await page.ClickAsync("#new-request");

        await page.GetByLabel("Фамилия и имя человека").FillAsync("Петров Алексей");
        await page.ClickAsync("#find-person button[type=submit]");
        await page.ClickAsync("#candidates a:has-text('Петров Алексей Иванович')");
        await Assertions.Expect(page.Locator("#subject-name")).ToHaveTextAsync("Петров Алексей Иванович");
        await page.GetByLabel("законный представитель: Петрова Анна Викторовна").CheckAsync();
        await page.GetByLabel("Вид запроса").SelectOptionAsync("Access");
        await Assertions.Expect(page.GetByLabel("Дата получения письма")).ToHaveValueAsync(DataRequestPages.Today.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Что просят").FillAsync("Просит сообщить, какие данные сына обрабатывает школа");
        await page.ClickAsync("#register");

        var due = DataRequestPages.WorkingDaysAfter(DataRequestPages.Today, 10, env.Layout);
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync($"Срок — до {due:dd.MM.yyyy}");
        await Assertions.Expect(page.Locator("#due")).ToHaveTextAsync($"до {due:dd.MM.yyyy}");
        var requestId = page.Url[(page.Url.LastIndexOf('/') + 1)..];

        // The queue: the overdue letter first, in red and said in words; this one with its due date.
        await page.ClickAsync("text=← Запросы субъектов");
        var rows = page.Locator("#requests tbody tr");
        await Assertions.Expect(rows.First).ToHaveClassAsync("overdue");
        await Assertions.Expect(rows.First.Locator(".overdue-label")).ToHaveTextAsync("просрочен");
        Assert.Equal("rgb(170, 17, 17)", await rows.First.Locator("td").First.EvaluateAsync<string>("cell => getComputedStyle(cell).color"));
        var mine = page.Locator($"#requests tr[data-request-id='{requestId}']");
        await Assertions.Expect(mine).ToContainTextAsync($"до {due:dd.MM.yyyy}");
        await Assertions.Expect(mine).ToContainTextAsync("законный представитель: Петрова Анна Викторовна");
        await Assertions.Expect(mine).Not.ToHaveClassAsync("overdue");

        // Extended once: a reason that is too short is refused next to the field; then five more working days.
        await mine.Locator("a").ClickAsync();
        await page.GetByLabel("Причина продления").FillAsync("архив");
        await page.ClickAsync("#extend button[type=submit]");
        await Assertions.Expect(page.Locator("#reason-error")).ToContainTextAsync("Причина продления: от 10 до 1000 символов");
        await page.GetByLabel("Причина продления").FillAsync("Нужны сведения из архива школы за прошлые годы");
        await page.ClickAsync("#extend button[type=submit]");
        var extended = DataRequestPages.WorkingDaysAfter(due, 5, env.Layout);
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync($"Срок продлён до {extended:dd.MM.yyyy}");
        await Assertions.Expect(page.Locator("#due")).ToHaveTextAsync($"до {extended:dd.MM.yyyy}");
        await Assertions.Expect(page.Locator("#extension-notice")).ToContainTextAsync("Уважаемый(ая) Петрова Анна Викторовна!");
        await Assertions.Expect(page.Locator("#extension-reason")).ToHaveTextAsync("Нужны сведения из архива школы за прошлые годы");
        // Once only: the form is gone.
        await Assertions.Expect(page.Locator("#extend")).ToHaveCountAsync(0);

        await page.ClickAsync("text=← Запросы субъектов");
        await Assertions.Expect(page.Locator($"#requests tr[data-request-id='{requestId}']")).ToContainTextAsync($"до {extended:dd.MM.yyyy} (продлён)");
    }
}
