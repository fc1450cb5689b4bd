using OtpNet;
using Sferum.Identity;

namespace Sferum.Grains.Tests.Identity;

/// <summary>An authenticator app in a test: enrols as a person would (the secret read from the QR address) and makes codes.</summary>
public sealed class Authenticator(IGrainFactory grains)
{
    private readonly Dictionary<Guid, byte[]> secrets = [];

    public async Task EnrolAsync(Guid user)
    {
        var uri = new Uri(await grains.GetGrain<IUserGrain>(user).BeginSecondFactorAsync());
        var secret = System.Web.HttpUtility.ParseQueryString(uri.Query)["secret"]!;
        secrets[user] = Base32Encoding.ToBytes(secret);
        await grains.GetGrain<IUserGrain>(user).ConfirmSecondFactorAsync(CodeFor(user, TimeSpan.Zero));
    }

    /// <summary>
    /// A code from the step <paramref name="ahead"/> from now. A code is good once per 30-second step; enrolment used
    /// the current one, so the next action takes the following step (the grain accepts one step early).
    /// </summary>
    public string CodeFor(Guid user, TimeSpan ahead) => new Totp(secrets[user]).ComputeTotp(DateTime.UtcNow + ahead);

    /// <summary>The next unused code after enrolment.</summary>
    public string NextCode(Guid user) => CodeFor(user, TimeSpan.FromSeconds(30));
}
