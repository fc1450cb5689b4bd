namespace Sferum.Backup;

/// <summary>A backup or restore that cannot go on; its message says why and what to do, never a password.</summary>
public sealed class BackupException(string message) : Exception(message);
