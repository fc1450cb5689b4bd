using Sferum.Backup;

// Backup and restore of a Sferum deployment (docs/deploy.md → Backups):
//   Sferum.Backup backup  --connection-string "<npgsql>" --files <folder> --out <archive.tar.gz>
//   Sferum.Backup restore --connection-string "<npgsql>" --files <folder> --from <archive.tar.gz>
// The connection string may also come from ConnectionStrings__Sferum, as for the silos and web nodes.
const string usage = """
    Usage:
      Sferum.Backup backup  --connection-string "<npgsql>" --files <folder> --out <archive.tar.gz>
      Sferum.Backup restore --connection-string "<npgsql>" --files <folder> --from <archive.tar.gz>
    The connection string may also be given as ConnectionStrings__Sferum.
    """;

if (args.Length == 0 || args[0] is not ("backup" or "restore") || args.Length % 2 == 0)
{
    Console.Error.WriteLine(usage);
    return 64;
}

var options = new Dictionary<string, string>();
for (var i = 1; i < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}

var connectionString = options.GetValueOrDefault("connection-string") ?? Environment.GetEnvironmentVariable("ConnectionStrings__Sferum");
var archive = options.GetValueOrDefault(args[0] == "backup" ? "out" : "from");
var files = options.GetValueOrDefault("files");
var unknown = options.Keys.Except(["connection-string", "files", "out", "from"]).ToList();
if (string.IsNullOrWhiteSpace(connectionString) || archive is null || files is null || unknown.Count > 0)
{
    Console.Error.WriteLine(unknown.Count > 0 ? $"Unknown option --{unknown[0]}.\n{usage}" : usage);
    return 64;
}

try
{
    if (args[0] == "backup")
    {
        await BackupCommand.RunAsync(connectionString, files, Path.GetFullPath(archive), Console.Out);
    }
    else
    {
        await RestoreCommand.RunAsync(connectionString, files, Path.GetFullPath(archive), Console.Out);
    }

    return 0;
}
catch (Exception ex) when (ex is BackupException or Sferum.Database.DatabaseUnreachableException)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}
