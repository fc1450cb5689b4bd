using System.Globalization;
using Sferum.Web.Localization;
using Sferum.Common;

namespace Sferum.Web.Tests.Localization;

/// <summary>The form of a Russian noun after a number, and counted nouns read from the resources.</summary>
public sealed class RussianPluralTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(21)]
    [InlineData(31)]
    [InlineData(101)]
    [InlineData(121)]
    [InlineData(1001)]
    [InlineData(1_000_001)]
    [InlineData(-1)]
    [InlineData(-21)]
    public void One_after_numbers_ending_in_1_except_11(long count) => Assert.Equal(PluralForm.One, RussianPlural.FormOf(count));

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(22)]
    [InlineData(24)]
    [InlineData(102)]
    [InlineData(104)]
    [InlineData(1003)]
    [InlineData(-3)]
    [InlineData(-24)]
    public void Few_after_numbers_ending_in_2_to_4_except_12_to_14(long count) => Assert.Equal(PluralForm.Few, RussianPlural.FormOf(count));

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(19)]
    [InlineData(20)]
    [InlineData(25)]
    [InlineData(100)]
    [InlineData(111)]
    [InlineData(112)]
    [InlineData(114)]
    [InlineData(211)]
    [InlineData(1011)]
    [InlineData(-11)]
    [InlineData(-5)]
    public void Many_after_0_5_to_20_and_numbers_ending_in_11_to_14(long count) => Assert.Equal(PluralForm.Many, RussianPlural.FormOf(count));

    [Fact]
    public void The_largest_counts_do_not_overflow()
    {
        Assert.Equal(PluralForm.Many, RussianPlural.FormOf(long.MinValue)); // …808
        Assert.Equal(PluralForm.Many, RussianPlural.FormOf(long.MaxValue)); // …807
        Assert.Equal(PluralForm.Many, RussianPlural.FormOf(long.MinValue + 1));
    }

    [Theory]
    [InlineData(1, "сообщение")]
    [InlineData(3, "сообщения")]
    [InlineData(5, "сообщений")]
    [InlineData(11, "сообщений")]
    [InlineData(21, "сообщение")]
    public void Choose_returns_the_form_for_the_count(long count, string expected) =>
        Assert.Equal(expected, RussianPlural.Choose(count, "сообщение", "сообщения", "сообщений"));

    [Theory]
    [InlineData(1, "1 участник")]
    [InlineData(3, "3 участника")]
    [InlineData(5, "5 участников")]
    [InlineData(31, "31 участник")]
    [InlineData(112, "112 участников")]
    public void Russian_forms_from_a_resource_put_the_number_in(long count, string expected) =>
        Assert.Equal(expected, Plurals.Pick("{0} участник|{0} участника|{0} участников", count, CultureInfo.GetCultureInfo("ru-RU")));

    [Theory]
    [InlineData(1, "1 member")]
    [InlineData(3, "3 members")]
    [InlineData(21, "21 members")]
    [InlineData(0, "0 members")]
    public void A_language_with_one_and_other_uses_two_forms(long count, string expected) =>
        Assert.Equal(expected, Plurals.Pick("{0} member|{0} members", count, CultureInfo.GetCultureInfo("en")));
}
