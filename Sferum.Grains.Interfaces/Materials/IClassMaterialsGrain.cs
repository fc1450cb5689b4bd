namespace Sferum.Materials;

/// <summary>
/// A class's materials library (keyed by the class id): teachers of the class (and the school's admins) publish files
/// and links by subject and lesson date; its students and parents read, search and download, and each download is
/// counted. Files are uploaded to the file store first; the grain keeps only their hash.
/// </summary>
[Alias("Sferum.IClassMaterialsGrain")]
public interface IClassMaterialsGrain : IGrainWithGuidKey
{
    /// <summary>The library, newest lesson first, optionally of one subject and matching a search (Russian stemming).</summary>
    [Alias("List")]
    Task<MaterialLibrary> ListAsync(Guid userId, string? subject, string? query);

    /// <summary>True for the class's teachers and the school's admins (asked before a file is uploaded, so outsiders store nothing).</summary>
    [Alias("CanPublish")]
    Task<bool> CanPublishAsync(Guid userId);

    /// <summary>Publishes a file or a link; the same client id again returns the same item.</summary>
    [Alias("Publish")]
    Task<ClassMaterial> PublishAsync(Guid userId, MaterialDraft draft);

    /// <summary>The item for downloading (or following its link); counts one download.</summary>
    [Alias("Open")]
    Task<ClassMaterial> OpenAsync(Guid userId, Guid materialId);

    /// <summary>Takes an item out of the library (teachers of the class, admins).</summary>
    [Alias("Remove")]
    Task RemoveAsync(Guid userId, Guid materialId);
}
