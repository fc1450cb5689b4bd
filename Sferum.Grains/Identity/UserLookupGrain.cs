using Orleans.Concurrency;
using Sferum.Common;

namespace Sferum.Identity;

[StatelessWorker]
public sealed class UserLookupGrain(UserIdentityStore identities) : Grain, IUserLookupGrain
{
    public async Task<Guid?> FindBySnilsAsync(Guid requesterUserId, string snils)
    {
        if (await GrainFactory.GetGrain<IUserGrain>(requesterUserId).GetProfileAsync() is not { IsPlatformOperator: true })
        {
            throw DomainException.Forbidden("identity.forbidden-lookup", "Искать людей по СНИЛС могут только операторы платформы.");
        }

        return Snils.TryNormalize(snils, out var normalized)
            ? await identities.FindBySnilsAsync(normalized)
            : throw new DomainException("identity.snils-invalid", "СНИЛС указан с ошибкой: проверьте цифры и контрольное число.");
    }
}
