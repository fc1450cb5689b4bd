using Sferum.Common;
using Sferum.Platform;

namespace Sferum.Identity;

public sealed class IdentityIndexGrain(
    [PersistentState("state", GrainStorage.Default)] IPersistentState<IdentityIndexState> state) : Grain, IIdentityIndexGrain
{
    public async Task<UserProfile> SignInAsync(ExternalIdentity identity)
    {
        // Validate first: a refused sign-in must create nothing, not even the index entry.
        ExternalIdentityValidator.Validate(identity);
        if (IIdentityIndexGrain.KeyFor(identity.Provider, identity.Subject) != this.GetPrimaryKeyString())
        {
            throw DomainException.Forbidden("identity.forbidden-sign-in", "Вход не соответствует учётной записи.");
        }

        if (state.State.UserId is not { } userId)
        {
            userId = Guid.NewGuid();
            state.State.UserId = userId;
            await state.WriteStateAsync();
        }

        return await GrainFactory.GetGrain<IUserGrain>(userId).RecordSignInAsync(identity);
    }

    public Task<Guid?> GetUserIdAsync() => Task.FromResult(state.State.UserId);

    public async Task ForgetAsync(Guid userId)
    {
        if (state.State.UserId == userId)
        {
            await state.ClearStateAsync();
        }

        DeactivateOnIdle();
    }
}
