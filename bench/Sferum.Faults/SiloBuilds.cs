using Sferum.Health;
using Sferum.Identity;

namespace Sferum.Faults;

/// <summary>
/// The build each active silo runs, asked of every silo itself as the operators' status page does: the rolling upgrade
/// shows which release the cluster runs before and after. The harness signs in as the platform operator its silos name.
/// </summary>
public static class SiloBuilds
{
    /// <summary>The provider subject the harness's silos are told is an operator (<c>Sferum:Platform:Operators</c>).</summary>
    public const string OperatorSubject = "faults-operator";

    public static async Task<IReadOnlyList<string>> ReadAsync(IClusterClient grains)
    {
        var identity = new ExternalIdentity("esia", OperatorSubject, new PersonName("Оператор", "Проверки", null), null, null, false, null, false,
            TrustLevel.Confirmed);
        var operatorId = (await grains.GetGrain<IIdentityIndexGrain>(IIdentityIndexGrain.KeyFor("esia", OperatorSubject)).SignInAsync(identity)).UserId;
        var silos = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        return await Task.WhenAll(silos.Keys.OrderBy(s => s.ToString()).Select(async silo => (await grains.GetSiloInfoAsync(silo, operatorId)).Version));
    }
}
