namespace Sferum.PersonalData;

/// <summary>
/// Keys of <see cref="IPersonErasureGrain"/>: a person with a Sferum account is erased as <c>user:{id}</c>, someone who
/// is only on a roster (never signed in) as <c>roster:{school}:{journal id}</c>. A roster key whose entry is linked to an
/// account hands the erasure to the account's key, so either way there is one erasure and one act.
/// </summary>
public static class PersonKeys
{
    public static string ForUser(Guid userId) => $"user:{userId:D}";

    public static string ForRosterEntry(Guid schoolId, string journalId) => $"roster:{schoolId:D}:{journalId}";

    public static bool TryParseUser(string key, out Guid userId)
    {
        userId = Guid.Empty;
        return key.StartsWith("user:", StringComparison.Ordinal) && Guid.TryParseExact(key[5..], "D", out userId);
    }

    public static bool TryParseRosterEntry(string key, out Guid schoolId, out string journalId)
    {
        (schoolId, journalId) = (Guid.Empty, "");
        if (!key.StartsWith("roster:", StringComparison.Ordinal) || key.Length < 7 + 36 + 2 || key[7 + 36] != ':')
        {
            return false;
        }

        journalId = key[(7 + 36 + 1)..];
        return Guid.TryParseExact(key.AsSpan(7, 36), "D", out schoolId) && journalId.Length > 0;
    }
}
