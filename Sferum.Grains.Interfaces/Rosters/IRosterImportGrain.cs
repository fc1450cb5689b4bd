using Orleans.Concurrency;

namespace Sferum.Rosters;

/// <summary>
/// Roster imports of one school (keyed by the school id). One activation per school runs one import step at a time,
/// so two imports of a school never interleave; reads of progress and history interleave with a running step.
/// </summary>
[Alias("Sferum.IRosterImportGrain")]
public interface IRosterImportGrain : IGrainWithGuidKey
{
    /// <summary>Reads and checks the files and compares them with the current roster; writes nothing to the roster.</summary>
    [Alias("Preview")]
    Task<ImportReport> PreviewAsync(ImportRequester requester, IReadOnlyList<ImportFile> files);

    /// <summary>Applies a previewed import, all or nothing. Applying an applied import again changes nothing.</summary>
    [Alias("Apply")]
    Task<ImportReport> ApplyAsync(ImportRequester requester, Guid importId);

    /// <summary>One import with its report and, while it runs, its progress.</summary>
    [Alias("Get"), AlwaysInterleave]
    Task<ImportReport> GetAsync(ImportRequester requester, Guid importId);

    /// <summary>A page of what the import changes (or changed), in one section.</summary>
    [Alias("GetChanges"), AlwaysInterleave]
    Task<IReadOnlyList<ImportChangeRow>> GetChangesAsync(ImportRequester requester, Guid importId, ImportSection section, int skip, int take);

    /// <summary>The school's import history, newest first.</summary>
    [Alias("List"), AlwaysInterleave]
    Task<IReadOnlyList<ImportReport>> ListAsync(ImportRequester requester, int take);
}
