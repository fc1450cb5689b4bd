namespace Sferum.Health;

/// <summary>Answers at once; the web's readiness check calls it to know the cluster serves requests.</summary>
[Alias("Sferum.IPingGrain")]
public interface IPingGrain : IGrainWithIntegerKey
{
    /// <summary>Returns the silo that answered.</summary>
    [Alias("Ping")]
    Task<string> PingAsync();
}
