namespace Sferum.Bench.Video;

/// <summary>
/// Deletes the bench's data folder when disposed. Declared before the stack with <c>await using</c>, it is disposed
/// after it (C# disposes in reverse order), so PostgreSQL is stopped while its folder still exists — deleting the
/// folder first left the private server running with its data gone, and the bench ended in pg_ctl's error.
/// </summary>
public sealed class DeletedAtEnd(DirectoryInfo folder) : IAsyncDisposable
{
    public ValueTask DisposeAsync()
    {
        folder.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}
