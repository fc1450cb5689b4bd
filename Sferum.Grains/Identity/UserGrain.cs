using Microsoft.Extensions.Options;
using Sferum.Common;
using Sferum.Platform;

namespace Sferum.Identity;

public sealed class UserGrain(
    [PersistentState("state", GrainStorage.Default)] IPersistentState<UserState> state,
    IOptions<PlatformOptions> platform,
    TimeProvider clock) : Grain, IUserGrain
{
    public Task<UserProfile?> GetProfileAsync() =>
        Task.FromResult(state.State.Created ? ToProfile() : null);

    public async Task<UserProfile> RecordSignInAsync(ExternalIdentity identity)
    {
        ExternalIdentityValidator.Validate(identity);
        var s = state.State;
        if (s.Created && (s.Provider != identity.Provider || s.Subject != identity.Subject))
        {
            throw DomainException.Forbidden("Эта учётная запись уже связана с другим входом.");
        }

        var now = clock.GetUtcNow();
        if (!s.Created)
        {
            s.Created = true;
            s.CreatedAt = now;
            s.Provider = identity.Provider;
            s.Subject = identity.Subject;
        }

        // The provider is the authority on who the person is: its claims replace what we stored.
        s.Name = identity.Name;
        Common.Snils.TryNormalize(identity.Snils, out var snils);
        s.Snils = string.IsNullOrEmpty(snils) ? null : snils;
        s.Email = identity.EmailVerified ? identity.Email : null;
        s.Phone = identity.PhoneVerified ? identity.Phone : null;
        s.Trust = identity.Trust;
        s.IsPlatformOperator = IsOperator(identity, s.Snils);
        s.LastSignInAt = now;
        await state.WriteStateAsync();
        return ToProfile();
    }

    private bool IsOperator(ExternalIdentity identity, string? snils) =>
        identity.Trust == TrustLevel.Confirmed
        && platform.Value.Operators.Any(o =>
            string.Equals(o, identity.Subject, StringComparison.Ordinal)
            || (snils is not null && Common.Snils.TryNormalize(o, out var operatorSnils) && operatorSnils == snils));

    private UserProfile ToProfile()
    {
        var s = state.State;
        return new UserProfile(this.GetPrimaryKey(), s.Name, s.Snils, s.Email, s.Phone, s.Trust, s.IsPlatformOperator, s.CreatedAt, s.LastSignInAt);
    }
}
