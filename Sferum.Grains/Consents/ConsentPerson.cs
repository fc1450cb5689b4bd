namespace Sferum.Consents;

/// <summary>
/// A person in a school as consents see them: their key (the journal id of a roster pupil, else "u:" and the user id,
/// as class pages name people), name, account, roster entries in this school and whether they are a pupil there.
/// </summary>
public sealed record ConsentPerson(string Key, string Name, Guid? UserId, IReadOnlyList<ConsentPerson.RosterEntry> Entries, bool Invited, bool IsPupil)
{
    /// <summary>What one roster entry holds (for the bases), with its phone: a basis that may outlive a consent.</summary>
    public sealed record RosterEntry(string JournalId, int Role, DateOnly? BirthDate, bool HasSnils, bool HasEmail, string? Phone, bool HasPosition);

    public const int StudentRole = 0;

    public static string UserKey(Guid userId) => $"u:{userId}";

    /// <summary>
    /// Under 18 on <paramref name="today"/>. 152-FZ sets no lower age; a pupil whose birth date the journal does not
    /// give counts as a minor, so a parent can act for them and they cannot consent alone.
    /// </summary>
    public bool IsMinorOn(DateOnly today)
    {
        if (!IsPupil)
        {
            return false;
        }

        var born = Entries.FirstOrDefault(e => e.Role == StudentRole)?.BirthDate;
        return born is null || born.Value.AddYears(18) > today;
    }
}
