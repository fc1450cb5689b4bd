using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Sferum.Common;

namespace Sferum.Grains.Tests.Common;

/// <summary>
/// A refusal carries its resource key and its message's arguments to the web layer, which words it in the reader's
/// language: both survive Orleans serialization, and the Russian message stays what the grain said.
/// </summary>
public sealed class DomainExceptionTests
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public void The_message_is_the_russian_text_with_the_arguments_put_in()
    {
        var error = new DomainException("poll.options-too-many", "В опросе не больше {0} вариантов ответа (сейчас {1}).", 12, 100);

        Assert.Equal("В опросе не больше 12 вариантов ответа (сейчас 100).", error.Message);
        Assert.Equal("poll.options-too-many", error.Key);
        Assert.Equal(["12", "100"], error.Args);
    }

    [Fact]
    public void A_text_without_arguments_is_taken_as_it_is()
    {
        var error = new DomainException("school.quiet-hours-invalid", "Тихие часы: {ЧЧ:ММ} не форматируется без аргументов.");

        Assert.Equal("Тихие часы: {ЧЧ:ММ} не форматируется без аргументов.", error.Message);
        Assert.Empty(error.Args);
    }

    [Fact]
    public void Code_key_arguments_and_message_survive_serialization()
    {
        var sent = DomainException.Forbidden("poll.forbidden-close", "Закрыть опрос может его автор или учитель {0}.", "сейчас");

        var received = Serializer.Deserialize<DomainException>(Serializer.SerializeToArray(sent))!;

        Assert.Equal("forbidden", received.Code);
        Assert.Equal("poll.forbidden-close", received.Key);
        Assert.Equal(["сейчас"], received.Args);
        Assert.Equal("Закрыть опрос может его автор или учитель сейчас.", received.Message);
    }

    [Fact]
    public void A_refusal_worded_by_the_web_layer_has_no_key()
    {
        var received = Serializer.Deserialize<DomainException>(Serializer.SerializeToArray(DomainException.Localized("incident.unknown", "No such incident.")))!;

        Assert.Null(received.Key);
        Assert.Equal("No such incident.", received.Message);
    }
}
