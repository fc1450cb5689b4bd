namespace Sferum.Common;

/// <summary>
/// СНИЛС, the Russian personal insurance number: 9 digits and 2 check digits, written "112-233-445 95".
/// The check: Σ digit·weight with weights 9..1; below 100 it is the sum, 100 and 101 give 00, above that mod 101
/// (where 100 again gives 00). Numbers up to 001-001-998 have no check digits by law and are not issued any more.
/// </summary>
public static class Snils
{
    /// <summary>Normalises to "XXX-XXX-XXX YY" when the value is a valid SNILS in any common spelling.</summary>
    public static bool TryNormalize(string? value, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        Span<int> digits = stackalloc int[11];
        var count = 0;
        foreach (var ch in value)
        {
            if (char.IsAsciiDigit(ch))
            {
                if (count == 11)
                {
                    return false;
                }

                digits[count++] = ch - '0';
            }
            else if (ch is not (' ' or '-' or '\u00A0'))
            {
                return false;
            }
        }

        if (count != 11 || CheckDigits(digits[..9]) != digits[9] * 10 + digits[10])
        {
            return false;
        }

        normalized = $"{digits[0]}{digits[1]}{digits[2]}-{digits[3]}{digits[4]}{digits[5]}-{digits[6]}{digits[7]}{digits[8]} {digits[9]}{digits[10]}";
        return true;
    }

    public static bool IsValid(string? value) => TryNormalize(value, out _);

    /// <summary>
    /// A well-formed SNILS for a nine-digit number, with its check digits: for demo data, tests and load generators,
    /// which need valid numbers that are plainly invented.
    /// </summary>
    public static string FromNumber(int number)
    {
        var text = number.ToString("D9");
        Span<int> digits = stackalloc int[9];
        for (var i = 0; i < 9; i++)
        {
            digits[i] = text[i] - '0';
        }

        return $"{text[..3]}-{text[3..6]}-{text[6..]} {CheckDigits(digits):D2}";
    }

    internal static int CheckDigits(ReadOnlySpan<int> number)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += number[i] * (9 - i);
        }

        if (sum < 100)
        {
            return sum;
        }

        if (sum is 100 or 101)
        {
            return 0;
        }

        var remainder = sum % 101;
        return remainder == 100 ? 0 : remainder;
    }
}
