namespace Sferum.Testing;

/// <summary>Fresh, valid SNILS numbers (correct check digits) so that tests never collide with each other.</summary>
public static class TestSnils
{
    private static int counter = Random.Shared.Next(2_000_000, 100_000_000);

    public static string Next() => Sferum.Common.Snils.FromNumber(Interlocked.Increment(ref counter));
}
