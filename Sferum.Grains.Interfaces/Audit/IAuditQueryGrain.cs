namespace Sferum.Audit;

/// <summary>Reads a school's audit log for its admins (and platform operators). Stateless.</summary>
[Alias("Sferum.IAuditQueryGrain")]
public interface IAuditQueryGrain : IGrainWithIntegerKey
{
    /// <summary>One page, newest first, with the number of matching entries.</summary>
    [Alias("Search")]
    Task<AuditPage> SearchAsync(Guid requesterUserId, Guid schoolId, AuditQuery query);

    /// <summary>Every matching entry (at most 100,000), oldest first, for a CSV export.</summary>
    [Alias("Export")]
    /// <summary>A bulk export of the log: the admin's one-time code is required (issue 12: bulk exports need the second factor).</summary>
    Task<IReadOnlyList<AuditRecord>> ExportAsync(Guid requesterUserId, Guid schoolId, AuditQuery query, string? secondFactorCode);
}
