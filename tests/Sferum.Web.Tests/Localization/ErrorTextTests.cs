using System.Globalization;
using Sferum.Common;
using Sferum.Web.Localization;

namespace Sferum.Web.Tests.Localization;

/// <summary>
/// ErrorText, the one way the portal words a grain's refusal: the resource text in the reader's language with the
/// refusal's arguments, and the refusal's own Russian message whenever no fitting text exists.
/// </summary>
public sealed class ErrorTextTests
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void A_russian_reader_gets_the_resource_text_with_the_arguments_put_in()
    {
        var error = new DomainException("message.too-long", "Сообщение длиннее {0} символов.", 4000);

        Assert.Equal("Сообщение длиннее 4000 символов.", error.Message);
        Assert.Equal("Сообщение длиннее 4000 символов.", ErrorText.Of(error, Russian));
    }

    [Fact]
    public void An_english_reader_gets_the_english_text_with_the_same_arguments()
    {
        var error = new DomainException("message.rate-limited", "Слишком много сообщений: не больше {0} за {1} с. Подождите немного.", 20, 10);

        Assert.Equal("Too many messages: no more than 20 in 10 s. Please wait a little.", ErrorText.Of(error, English));
    }

    [Fact]
    public void The_reader_s_language_is_the_current_ui_culture_unless_named()
    {
        var error = new DomainException("message.empty", "Сообщение пустое.");
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = English;
            Assert.Equal("The message is empty.", ErrorText.Of(error));
            Assert.Equal("Сообщение пустое.", ErrorText.Of(error, Russian));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void A_text_english_lacks_is_shown_in_russian()
    {
        var error = DomainException.Forbidden("poll.forbidden-close", "Закрыть опрос может его автор или учитель.");

        Assert.Equal("forbidden", error.Code);
        Assert.Equal("Закрыть опрос может его автор или учитель.", ErrorText.Of(error, English));
    }

    [Fact]
    public void A_refusal_of_one_code_is_worded_by_its_own_key()
    {
        var own = new DomainException("meeting.not-live", "Встреча ещё не началась.") { Key = "meeting.not-live.not-started" };
        var coded = new DomainException("meeting.not-live", "Запись включают во время встречи.");

        Assert.Equal("Встреча ещё не началась.", ErrorText.Of(own, Russian));
        Assert.Equal("Запись включают во время встречи.", ErrorText.Of(coded, Russian));
    }

    [Fact]
    public void Without_a_resource_text_the_message_is_shown()
    {
        var unknownKey = new DomainException("nowhere.to-be-found", "Текст из грейна: {0}.", 7);
        var localized = DomainException.Localized("incident.unknown", "Already in the reader's language.");

        Assert.Equal("Текст из грейна: 7.", ErrorText.Of(unknownKey, English));
        Assert.Null(localized.Key);
        Assert.Equal("Already in the reader's language.", ErrorText.Of(localized, Russian));
    }

    [Fact]
    public void Arguments_that_do_not_fit_the_text_leave_the_message()
    {
        // The resource wants {0}; a caller that gave none must not see "{0}" or a FormatException.
        var error = new DomainException("message.too-long", "Сообщение слишком длинное.");

        Assert.Equal("Сообщение слишком длинное.", ErrorText.Of(error, Russian));
        Assert.Equal("Сообщение слишком длинное.", ErrorText.Of(error, English));
    }
}
