namespace Sferum.Backup;

/// <summary>
/// What a backup holds, written beside the dump as <c>manifest.json</c> and checked after a restore: the schema version,
/// every table's row count in the dump's own snapshot, and the stored files.
/// </summary>
public sealed record BackupManifest(
    int FormatVersion, DateTimeOffset TakenAt, int SchemaVersion, IReadOnlyDictionary<string, long> Rows, int Files, long FileBytes)
{
    public const int CurrentFormat = 1;
}
