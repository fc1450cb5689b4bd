using Sferum.Classes;
using Sferum.Rosters.Export;

namespace Sferum.Rosters.Tests;

public sealed class ValueTests
{
    [Theory]
    [InlineData("5А", "5А", 5)]
    [InlineData("5 а", "5А", 5)]
    [InlineData("5-А", "5А", 5)]
    [InlineData("5a", "5А", 5)]
    [InlineData("05А", "5А", 5)]
    [InlineData(" 11 «Б» ", "11Б", 11)]
    [InlineData("1", "1", 1)]
    [InlineData("10Ё", "10Ё", 10)]
    public void Class_names_are_normalised(string raw, string name, int grade)
    {
        Assert.True(ClassName.TryNormalize(raw, out var normalized, out var g));
        Assert.Equal((name, grade), (normalized, g));
    }

    [Theory]
    [InlineData("")]
    [InlineData("А5")]
    [InlineData("12А")]
    [InlineData("0Б")]
    [InlineData("5Q")]
    [InlineData("5АБВГ")]
    public void Nonsense_is_not_a_class(string raw) => Assert.False(ClassName.TryNormalize(raw, out _, out _));

    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+7 900", "'+7 900")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("Иванов", "Иванов")]
    [InlineData("", "")]
    public void Exported_cells_never_start_a_formula(string value, string expected) => Assert.Equal(expected, SpreadsheetText.Escape(value));
}
