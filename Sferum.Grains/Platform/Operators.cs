using Sferum.Common;
using Sferum.Identity;

namespace Sferum.Platform;

/// <summary>The grains' own check that a caller is a platform operator with a confirmed account.</summary>
public static class Operators
{
    public static async Task RequireAsync(IGrainFactory grains, Guid userId, DomainException refusal)
    {
        var profile = await grains.GetGrain<IUserGrain>(userId).GetProfileAsync();
        if (profile is not { IsPlatformOperator: true, Trust: TrustLevel.Confirmed })
        {
            throw refusal;
        }
    }
}
