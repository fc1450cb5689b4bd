using System.Diagnostics;
using System.Reflection;
using Orleans.Runtime;
using Sferum.Common;
using Sferum.Platform;

namespace Sferum.Health;

public sealed class SiloInfoGrain(ILocalSiloDetails silo) : Grain, ISiloInfoGrain
{
    private static readonly string Version =
        Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private static readonly string OrleansVersion =
        typeof(Grain).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public async Task<SiloInfo> GetAsync(Guid requesterUserId)
    {
        await Operators.RequireAsync(GrainFactory, requesterUserId,
            DomainException.Forbidden("silo.forbidden", "Сведения о серверах доступны только операторам платформы."));
        // Placed afresh at every ask: an activation that did not land on its silo must not linger and answer for it.
        DeactivateOnIdle();
        var here = silo.SiloAddress.ToParsableString();
        if (here != this.GetPrimaryKeyString())
        {
            throw new DomainException("silo.unreachable", "Этот сервер не ответил сам: о его сборке ничего не известно.");
        }

        return new SiloInfo(here, Version, OrleansVersion, Process.GetCurrentProcess().StartTime.ToUniversalTime());
    }
}
