namespace Sferum.Files;

/// <summary>
/// Where files (attachments, materials, recordings) live, content-addressed by SHA-256 so that the same file stored
/// twice takes space once. Grains keep only the hash. A local folder is the default; an S3-compatible store can take its
/// place without touching grains.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the stream (refusing more than <paramref name="maxBytes"/>) and returns its hash and size.</summary>
    Task<(string Hash, long Size)> PutAsync(Stream content, long maxBytes, CancellationToken cancellationToken = default);

    /// <summary>The file's bytes, or null when no file has this hash.</summary>
    Stream? Open(string hash);

    /// <summary>Every stored file with the time it was stored (for retention's sweep of files nothing refers to).</summary>
    IEnumerable<(string Hash, DateTimeOffset StoredAt)> List();

    /// <summary>Removes the file with this hash (personal-data erasure); true when there was one.</summary>
    Task<bool> DeleteAsync(string hash);
}
