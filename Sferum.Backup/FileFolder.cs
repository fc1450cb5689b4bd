using System.Security.Cryptography;

namespace Sferum.Backup;

/// <summary>
/// The file store's folder as a backup sees it: files named by their SHA-256 in two levels of subfolders, written
/// once and never changed (Sferum.Files.LocalFileStore), so a copy taken after the dump holds every file the dump
/// names. Its <c>tmp/</c> (uploads in progress) is left out.
/// </summary>
internal static class FileFolder
{
    public static IEnumerable<(string RelativePath, string FullPath)> StoredFiles(string root) =>
        !Directory.Exists(root)
            ? []
            : Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(full => (Path.GetRelativePath(root, full).Replace('\\', '/'), full))
                .Where(f => !f.Item1.StartsWith("tmp/", StringComparison.Ordinal))
                .OrderBy(f => f.Item1, StringComparer.Ordinal);

    /// <summary>A stored file whose content no longer matches its name was damaged: a restore refuses it.</summary>
    public static async Task VerifyAsync(string relativePath, string fullPath)
    {
        var name = Path.GetFileName(relativePath);
        await using var stream = File.OpenRead(fullPath);
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream));
        if (hash != name)
        {
            throw new BackupException($"The stored file {relativePath} in the backup is damaged: its content hashes to {hash}.");
        }
    }
}
