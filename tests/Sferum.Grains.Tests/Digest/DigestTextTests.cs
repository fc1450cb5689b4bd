using Sferum.Digest;

namespace Sferum.Grains.Tests.Digest;

/// <summary>The digest's pure parts: Russian plurals and when the next letter is due.</summary>
public sealed class DigestTextTests
{
    [Theory]
    [InlineData(0, "0 сообщений")]
    [InlineData(1, "1 сообщение")]
    [InlineData(2, "2 сообщения")]
    [InlineData(3, "3 сообщения")]
    [InlineData(4, "4 сообщения")]
    [InlineData(5, "5 сообщений")]
    [InlineData(11, "11 сообщений")]
    [InlineData(12, "12 сообщений")]
    [InlineData(14, "14 сообщений")]
    [InlineData(21, "21 сообщение")]
    [InlineData(22, "22 сообщения")]
    [InlineData(25, "25 сообщений")]
    [InlineData(111, "111 сообщений")]
    [InlineData(101, "101 сообщение")]
    [InlineData(1004, "1004 сообщения")]
    public void Messages_take_the_russian_plural_form(long n, string expected) => Assert.Equal(expected, DigestCounts.Messages(n));

    [Fact]
    public void Chats_take_the_russian_plural_form() =>
        Assert.Equal(["1 чат", "2 чата", "5 чатов", "21 чат"], new long[] { 1, 2, 5, 21 }.Select(DigestCounts.Chats));

    [Fact]
    public void The_letter_speaks_russian_from_the_resources_in_its_text_and_html()
    {
        var chat = new DigestChat("5А: родители", new Uri("https://sferum.test/Chats/1"), 3, ["Васильева", "Петров"], [new DigestQuote("Васильева", "Завтра <b>экскурсия</b>")]);
        var letter = new DigestLetter(Guid.NewGuid(), "Анна Иванова", "anna@example.test", [chat],
            new Uri("https://sferum.test/Digest/Unsubscribe?token=t"), new Uri("https://sferum.test/Profile#digest"));

        var message = DigestComposer.Compose(letter, "noreply@sferum.test", "Сферум");

        Assert.Equal("Сферум: 3 сообщения без ответа — 1 чат", message.Subject);
        Assert.Equal(string.Join("\n",
            "Здравствуйте, Анна Иванова!",
            "",
            "В Сферуме вас ждут 3 сообщения:",
            "",
            "«5А: родители» — 3 сообщения. Написали: Васильева, Петров.",
            "  Васильева: Завтра <b>экскурсия</b>",
            "Открыть чат: https://sferum.test/Chats/1",
            "",
            "Это письмо отправлено, потому что в Сферуме включена сводка на почту.",
            "Настроить сводку: https://sferum.test/Profile#digest",
            "Отписаться одним нажатием: https://sferum.test/Digest/Unsubscribe?token=t",
            ""), message.TextBody!.ReplaceLineEndings("\n"));
        Assert.StartsWith("<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\"><title>Сводка Сферума</title></head>", message.HtmlBody);
        Assert.Contains("<p>Здравствуйте, Анна Иванова!</p><p>В Сферуме вас ждут 3 сообщения:</p>", message.HtmlBody);
        Assert.Contains("— 3 сообщения. Написали: Васильева, Петров.</p>", message.HtmlBody);
        Assert.Contains("Завтра &lt;b&gt;экскурсия&lt;/b&gt;", message.HtmlBody);
        Assert.Contains(">Настроить сводку</a> · <a href=\"https://sferum.test/Digest/Unsubscribe?token=t\">Отписаться</a></p></body></html>", message.HtmlBody);
    }

    [Fact]
    public void A_daily_digest_is_due_at_the_next_chosen_hour_of_the_schools_time_zone()
    {
        var morning = new DateTimeOffset(2026, 12, 3, 6, 0, 0, TimeSpan.Zero); // 09:00 in Moscow
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 18, 0, 0, TimeSpan.FromHours(3)), DigestSchedule.Next(morning, 0, 18, "Europe/Moscow"));
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.FromHours(3)), DigestSchedule.Next(morning, 0, 8, "Europe/Moscow"));
        Assert.Equal(morning.AddHours(6), DigestSchedule.Next(morning, 6, 18, "Europe/Moscow"));
    }
}
