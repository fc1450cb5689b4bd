using Sferum.Local;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>The destruction period after a withdrawal is the law's: a silo given one out of range does not start.</summary>
[Collection(WebCollection.Name)]
public sealed class ConsentConfigurationTests(WebTestEnvironment env)
{
    [Theory]
    [InlineData("0")]
    [InlineData("400")]
    public async Task A_silo_with_a_destruction_period_out_of_range_refuses_to_start_and_names_the_key(string days)
    {
        await using var silo = ServiceProcess.Start("silo-bad-days", env.Layout.BuiltDll("Sferum.Silo"), env.Layout.ProjectDirectory("Sferum.Silo"),
            [$"--Sferum:PersonalData:ConsentWithdrawalDestroyDays={days}", $"--Orleans:SiloPort={FreePorts.Next()}", $"--Orleans:GatewayPort={FreePorts.Next()}"],
            new Dictionary<string, string> { ["ConnectionStrings__Sferum"] = env.Stack.ConnectionString });

        await silo.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(3, silo.ExitCode);
        Assert.Contains("Sferum:PersonalData:ConsentWithdrawalDestroyDays must be between 1 and 365", silo.RecentOutput);
    }
}
