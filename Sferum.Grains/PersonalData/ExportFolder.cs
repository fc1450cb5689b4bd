using Microsoft.Extensions.Options;
using Sferum.Files;

namespace Sferum.PersonalData;

/// <summary>
/// Where finished archives wait for their download: <c>exports/</c> inside the file store's folder, which every silo
/// and web node already shares. Archives are named by the export's id only.
/// </summary>
public sealed class ExportFolder(IOptions<FileStoreOptions> options)
{
    private string Root => Path.Combine(options.Value.Folder, "exports");

    public string PathOf(Guid exportId)
    {
        Directory.CreateDirectory(Root);
        return Path.Combine(Root, $"{exportId:N}.zip");
    }

    public void Delete(Guid exportId)
    {
        File.Delete(Path.Combine(Root, $"{exportId:N}.zip"));
        File.Delete(Path.Combine(Root, $"{exportId:N}.zip.partial"));
    }

    /// <summary>Deletes every archive that is not one of <paramref name="live"/> (downloaded, expired or orphaned); returns how many.</summary>
    public int DeleteAllBut(IReadOnlyCollection<Guid> live)
    {
        if (!Directory.Exists(Root))
        {
            return 0;
        }

        var keep = live.Select(id => id.ToString("N")).ToHashSet();
        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(Root))
        {
            var name = Path.GetFileName(file);
            if (!keep.Contains(name.Split('.')[0]))
            {
                File.Delete(file);
                deleted++;
            }
        }

        return deleted;
    }
}
