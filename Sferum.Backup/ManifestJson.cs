using System.Text.Json;

namespace Sferum.Backup;

internal static class ManifestJson
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
