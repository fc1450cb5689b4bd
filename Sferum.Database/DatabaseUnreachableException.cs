namespace Sferum.Database;

/// <summary>PostgreSQL could not be reached; the message names the server that was tried.</summary>
public sealed class DatabaseUnreachableException(string target, Exception inner)
    : Exception($"PostgreSQL is unreachable at {target}: {inner.Message}", inner)
{
    public string Target { get; } = target;
}
