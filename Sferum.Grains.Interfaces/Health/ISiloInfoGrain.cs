namespace Sferum.Health;

/// <summary>
/// One silo's build, for the operators' status page. Keyed by the silo's address (<c>SiloAddress.ToParsableString()</c>,
/// which changes with every start); the caller places it on that silo with Orleans' placement hint
/// (<c>IPlacementDirector.PlacementHintKey</c>), and the grain refuses to answer from anywhere else.
/// </summary>
[Alias("Sferum.ISiloInfoGrain")]
public interface ISiloInfoGrain : IGrainWithStringKey
{
    /// <summary>For platform operators only.</summary>
    [Alias("Get")]
    Task<SiloInfo> GetAsync(Guid requesterUserId);
}
