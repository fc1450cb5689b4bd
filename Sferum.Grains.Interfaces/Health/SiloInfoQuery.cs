using Orleans.Runtime.Placement;

namespace Sferum.Health;

/// <summary>How to ask one particular silo for its <see cref="SiloInfo"/>: the grain keyed by it, placed on it by hint.</summary>
public static class SiloInfoQuery
{
    public static async Task<SiloInfo> GetSiloInfoAsync(this IGrainFactory grains, SiloAddress silo, Guid requesterUserId)
    {
        // An async method of its own: the hint stays in this call's request context and does not leak to the caller's.
        RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
        return await grains.GetGrain<ISiloInfoGrain>(silo.ToParsableString()).GetAsync(requesterUserId);
    }
}
