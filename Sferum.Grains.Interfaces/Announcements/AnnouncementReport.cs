namespace Sferum.Announcements;

/// <summary>
/// Who confirmed an announcement («ознакомлен»), for its author and the chat's teachers. In a parents' chat a row is a
/// pupil, confirmed when any of the pupil's parents confirmed; elsewhere a row is a member.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.AnnouncementReport")]
public sealed record AnnouncementReport(
    [property: Id(0)] Guid ChatId,
    [property: Id(1)] long Seq,
    [property: Id(2)] string? ClassName,
    [property: Id(3)] bool PerChild,
    [property: Id(4)] IReadOnlyList<AnnouncementRow> Rows)
{
    public int Confirmed => Rows.Count(r => r.Confirmed);
}

/// <summary>One pupil (per child) or member: who confirmed, or who has not yet been asked enough.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.AnnouncementRow")]
public sealed record AnnouncementRow(
    [property: Id(0)] string Name,
    [property: Id(1)] bool Confirmed,
    [property: Id(2)] IReadOnlyList<string> ConfirmedBy,
    [property: Id(3)] IReadOnlyList<Guid> Addressees);

/// <summary>What a reminder did: direct messages sent, and people who could not be written to (with the reason).</summary>
[GenerateSerializer, Immutable, Alias("Sferum.AnnouncementReminder")]
public sealed record AnnouncementReminder(
    [property: Id(0)] int Reminded,
    [property: Id(1)] IReadOnlyList<string> NotReached);
