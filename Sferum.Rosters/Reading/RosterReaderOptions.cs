namespace Sferum.Rosters.Reading;

public sealed class RosterReaderOptions
{
    /// <summary>Configuration section: <c>Sferum:Rosters</c>.</summary>
    public const string Section = "Sferum:Rosters";

    /// <summary>Largest accepted file (and largest unpacked zip entry), 20 MB by default.</summary>
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;
}
