using Sferum.Common;

namespace Sferum.Grains.Tests.Common;

public sealed class SnilsTests
{
    [Theory]
    [InlineData("112-233-445 95", "112-233-445 95")]
    [InlineData("11223344595", "112-233-445 95")]
    [InlineData(" 123-456-789 64 ", "123-456-789 64")]
    [InlineData("920-000-003 00", "920-000-003 00")] // checksum sum exactly 100 gives 00
    [InlineData("920 000 004 00", "920-000-004 00")] // 101 gives 00
    [InlineData("996-000-006 00", "996-000-006 00")] // 201 mod 101 = 100 gives 00
    [InlineData("987-654-321 83", "987-654-321 83")] // 285 mod 101 = 83
    public void Valid_snils_is_normalized(string input, string expected)
    {
        Assert.True(Snils.TryNormalize(input, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("112-233-445 96")] // wrong check digits
    [InlineData("112-233-445 9")]  // too short
    [InlineData("112-233-445 955")] // too long
    [InlineData("112-233-44A 95")] // a letter
    [InlineData("")]
    [InlineData(null)]
    public void Invalid_snils_is_rejected(string? input)
    {
        Assert.False(Snils.TryNormalize(input, out var normalized));
        Assert.Equal("", normalized);
    }

    [Theory]
    [InlineData(112233445, "112-233-445 95")]
    [InlineData(100000100, "100-000-100 ")]
    public void A_number_gets_its_check_digits(int number, string expectedPrefix)
    {
        var snils = Snils.FromNumber(number);

        Assert.StartsWith(expectedPrefix, snils);
        Assert.True(Snils.IsValid(snils));
    }
}
