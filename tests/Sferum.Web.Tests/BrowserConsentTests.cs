using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>
/// Consent in a real browser: the demo mother gives, from her profile, a consent for her son's phone to be shown to
/// 5А's teachers (a form without the tick is refused next to the tick first); the teacher sees the number; the mother
/// withdraws it and reads the date of destruction (30 days, the default), and the teacher no longer sees it.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class BrowserConsentTests(WebTestEnvironment env)
{
    private const string Son = "DEMO-S0";

    [Fact]
    public async Task A_parent_gives_and_withdraws_a_consent_for_her_child_and_sees_when_the_data_is_destroyed()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var parent = await Browsers.SignInAsync(browser, env, "parent", phone: true);
        await parent.GotoAsync(env.Stack.WebUrl + "/Profile");
        await parent.ClickAsync("#consents-link");
        var son = parent.Locator($"article[data-subject='{Son}']");
        await Assertions.Expect(son.Locator("h3")).ToContainTextAsync("ваш ребёнок");
        // Another test of this stack may have left one in force: withdraw it, as she would.
        if (await son.Locator("li.consent[data-in-force='true'] button.withdraw").CountAsync() > 0)
        {
            await son.Locator("li.consent[data-in-force='true'] button.withdraw").ClickAsync();
        }

        var form = son.Locator("form.consent-offer[data-purpose='contact-phone']");
        await form.Locator("summary").ClickAsync();
        await Assertions.Expect(form.Locator("pre.consent-text")).ToContainTextAsync("законный представитель");
        await Assertions.Expect(form.Locator("pre.consent-text")).ToContainTextAsync("ГБОУ «Школа № 7»");
        await form.GetByLabel("Номер мобильного телефона ребёнка, который увидят учителя класса").FillAsync("+7 912 345-67-89");
        await form.Locator("button.give").ClickAsync();
        var refusedForm = parent.Locator($"article[data-subject='{Son}'] form.consent-offer[data-purpose='contact-phone']");
        await Assertions.Expect(refusedForm.Locator("p.error[role='alert']")).ToContainTextAsync("поставьте отметку");
        await Assertions.Expect(refusedForm.GetByLabel("Номер мобильного телефона ребёнка, который увидят учителя класса")).ToHaveValueAsync("+7 912 345-67-89");

        await refusedForm.GetByLabel("Я прочитал(а) текст согласия и даю согласие как родитель").CheckAsync();
        await refusedForm.Locator("button.give").ClickAsync();
        await Assertions.Expect(parent.Locator("#consent-notice")).ToContainTextAsync("принято");
        var given = parent.Locator($"article[data-subject='{Son}'] li.consent[data-in-force='true']");
        await Assertions.Expect(given).ToContainTextAsync("действует");
        await Assertions.Expect(given).ToContainTextAsync("Номер: +79123456789");

        var teacher = await Browsers.SignInAsync(browser, env, "teacher");
        await teacher.GotoAsync(env.Stack.WebUrl + "/");
        await teacher.ClickAsync("#my-classes a:text-is('5А')");
        await teacher.ClickAsync("#show-phones");
        await Assertions.Expect(teacher.Locator($"#phones li[data-subject='{Son}']")).ToContainTextAsync("+79123456789");

        await given.Locator("button.withdraw").ClickAsync();
        await Assertions.Expect(parent.Locator("#consent-notice")).ToContainTextAsync("отозвано");
        var notice = await parent.Locator("#consent-notice").InnerTextAsync();
        var withdrawnAt = DateTime.ParseExact(WithdrawnAt().Match(notice).Groups[1].Value, "dd.MM.yyyy", CultureInfo.InvariantCulture);
        var destroyBy = DateTime.ParseExact(DestroyBy().Match(notice).Groups[1].Value, "dd.MM.yyyy", CultureInfo.InvariantCulture);
        Assert.Equal(30, (destroyBy - withdrawnAt).Days);
        Assert.Contains("данные больше никому не показываются", notice);
        var withdrawn = parent.Locator($"article[data-subject='{Son}'] li.consent[data-in-force='false']").First;
        await Assertions.Expect(withdrawn).ToContainTextAsync("отозвано");
        await Assertions.Expect(withdrawn.Locator(".fate")).ToContainTextAsync($"не позднее {destroyBy:dd.MM.yyyy}");
        await Assertions.Expect(withdrawn).Not.ToContainTextAsync("+79123456789");
        // She may give it again: the offer is back.
        await Assertions.Expect(parent.Locator($"article[data-subject='{Son}'] form.consent-offer[data-purpose='contact-phone']")).ToBeVisibleAsync();

        await teacher.ReloadAsync();
        await Assertions.Expect(teacher.Locator("#consented-phones")).Not.ToContainTextAsync("+79123456789");
    }

    [GeneratedRegex(@"отозвано (\d\d\.\d\d\.\d{4}) \d\d:\d\d")]
    private static partial Regex WithdrawnAt();

    [GeneratedRegex(@"не позднее (\d\d\.\d\d\.\d{4})")]
    private static partial Regex DestroyBy();
}
