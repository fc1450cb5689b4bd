namespace Sferum.Audit;

/// <summary>
/// What verifying the audit chain found: intact (with how many entries, and the head's hash to note down elsewhere),
/// or the first broken link — the entry, what its hash or its link to the previous entry should be and what is stored.
/// </summary>
public sealed record AuditChainReport(
    bool Intact,
    long Entries,
    string HeadHash,
    long? BrokenEntryId = null,
    long? BrokenSeq = null,
    string? Problem = null,
    string? Expected = null,
    string? Found = null)
{
    public override string ToString() => Intact
        ? $"OK, {Entries} entries, head {HeadHash}"
        : $"BROKEN at entry id {BrokenEntryId?.ToString() ?? "-"} (seq {BrokenSeq}): {Problem}; expected {Expected}, found {Found}";
}
