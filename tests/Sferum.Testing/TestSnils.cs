namespace Sferum.Testing;

/// <summary>Fresh, valid SNILS numbers (correct check digits) so that tests never collide with each other.</summary>
public static class TestSnils
{
    private static int counter = Random.Shared.Next(2_000_000, 100_000_000);

    public static string Next()
    {
        var number = Interlocked.Increment(ref counter).ToString("D9");
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (number[i] - '0') * (9 - i);
        }

        var check = sum < 100 ? sum : sum is 100 or 101 ? 0 : sum % 101 == 100 ? 0 : sum % 101;
        return $"{number[..3]}-{number[3..6]}-{number[6..]} {check:D2}";
    }
}
