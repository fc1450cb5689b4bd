using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Sferum.Files;

/// <summary>
/// Files in a local folder, named by their SHA-256 (two levels of subfolders keep directories small). Written to a
/// temporary file first and moved into place, so a reader never sees half a file.
/// </summary>
public sealed class LocalFileStore(IOptions<FileStoreOptions> options) : IFileStore
{
    private string Root => options.Value.Folder;

    public async Task<(string Hash, long Size)> PutAsync(Stream content, long maxBytes, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.Combine(Root, "tmp"));
        var temp = Path.Combine(Root, "tmp", Guid.NewGuid().ToString("N"));
        long size = 0;
        string hash;
        try
        {
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            await using (var file = File.Create(temp))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        throw new FileTooLargeException(maxBytes);
                    }

                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }

            var path = PathOf(hash);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!File.Exists(path))
            {
                File.Move(temp, path, overwrite: true);
            }
            else
            {
                // Stored again: it counts as new for retention's sweep, which spares files stored within the last day.
                File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
            }

            return (hash, size);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public Stream? Open(string hash)
    {
        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var path = PathOf(hash);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    public IEnumerable<(string Hash, DateTimeOffset StoredAt)> List()
    {
        if (!Directory.Exists(Root))
        {
            yield break;
        }

        // Only the two-level hash folders: tmp/ (uploads in flight) and exports/ (personal-data archives) are not files of the store.
        foreach (var first in Directory.EnumerateDirectories(Root).Where(d => IsHexName(d, 2)))
        {
            foreach (var second in Directory.EnumerateDirectories(first).Where(d => IsHexName(d, 2)))
            {
                foreach (var file in Directory.EnumerateFiles(second).Where(f => IsHexName(f, 64)))
                {
                    yield return (Path.GetFileName(file), File.GetLastWriteTimeUtc(file));
                }
            }
        }
    }

    private static bool IsHexName(string path, int length) =>
        Path.GetFileName(path) is { } name && name.Length == length && name.All(char.IsAsciiHexDigitLower);

    public Task<bool> DeleteAsync(string hash)
    {
        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower))
        {
            return Task.FromResult(false);
        }

        var path = PathOf(hash);
        var existed = File.Exists(path);
        File.Delete(path);
        return Task.FromResult(existed);
    }

    private string PathOf(string hash) => Path.Combine(Root, hash[..2], hash[2..4], hash);
}
