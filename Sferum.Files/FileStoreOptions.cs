namespace Sferum.Files;

/// <summary>Configuration section <c>Sferum:Files</c>.</summary>
public sealed class FileStoreOptions
{
    public const string Section = "Sferum:Files";

    /// <summary>The folder of the local store. Every silo and web node must see the same folder (a shared volume).</summary>
    public string Folder { get; set; } = Path.Combine(AppContext.BaseDirectory, "files");

    /// <summary>Largest accepted file.</summary>
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;
}
