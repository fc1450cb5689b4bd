namespace Sferum.Common;

/// <summary>Russian phone numbers compared as "+7XXXXXXXXXX", however they were typed ("8 (912) 345-67-89").</summary>
public static class PhoneNumber
{
    public static bool TryNormalize(string? raw, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(raw))
        {
            return false;
        }

        var digits = new string(raw.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 11 && digits[0] is '7' or '8')
        {
            digits = digits[1..];
        }

        if (digits.Length != 10 || digits[0] is '0')
        {
            return false;
        }

        normalized = "+7" + digits;
        return true;
    }
}
