using System.Diagnostics;
using System.Text.Json;
using Sferum.Local;
using Sferum.Testing;

namespace Sferum.Cluster.Tests;

/// <summary>
/// The container images, built by the .NET SDK without a Docker engine (scripts/build-images.sh), run: each archive is
/// unpacked layer by layer into a root file system and its entrypoint started there as a container runtime would (its
/// own user, environment and working directory, a private /proc), on loopback. The silo joins the cluster in
/// PostgreSQL, the portal answers ready through it, the identity provider answers. About 4 minutes the first time
/// (debootstrap of the base image), 2–3 afterwards.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ContainerImageTests(PostgresServer postgres) : ClusterTestBase(postgres)
{
    [Fact]
    public async Task The_images_run_a_silo_that_joins_the_cluster_a_portal_that_is_ready_and_the_identity_provider()
    {
        var work = Directory.CreateTempSubdirectory("sferum-images-test-");
        var started = new List<ServiceProcess>();
        try
        {
            var images = Path.Combine(work.FullName, "images");
            var (exitCode, output) = await RunAsync("bash", [Path.Combine(Layout.Root, "scripts", "build-images.sh"), images],
                new() { ["SFERUM_REGISTRY_PORT"] = FreePorts.Next().ToString() }, TimeSpan.FromMinutes(15));
            Assert.True(exitCode == 0, output);

            var (siloPort, gatewayPort) = (FreePorts.Next(), FreePorts.Next());
            var silo = await StartImageAsync(images, "sferum-silo", work.FullName,
                [$"--Orleans:ClusterId={ClusterId}", $"--Orleans:SiloPort={siloPort}", $"--Orleans:GatewayPort={gatewayPort}"],
                new() { ["ConnectionStrings__Sferum"] = ConnectionString });
            started.Add(silo);
            await Membership.WaitForActiveSiloAsync(ConnectionString, ClusterId, siloPort, TimeSpan.FromSeconds(90));

            var webPort = FreePorts.Next();
            var web = await StartImageAsync(images, "sferum-web", work.FullName,
                [$"--urls=http://127.0.0.1:{webPort}", $"--Orleans:ClusterId={ClusterId}", "--Oidc:Authority=http://127.0.0.1:9",
                    $"--Oidc:ClientId={WebProcess.ClientId}", $"--Oidc:ClientSecret={WebProcess.ClientSecret}", "--Oidc:RequireHttpsMetadata=false"],
                new() { ["ConnectionStrings__Sferum"] = ConnectionString, ["ASPNETCORE_ENVIRONMENT"] = "Development" });
            started.Add(web);
            await HttpWait.UntilOkAsync($"http://127.0.0.1:{webPort}/health/ready", TimeSpan.FromSeconds(90), web);

            var identityPort = FreePorts.Next();
            var identity = await StartImageAsync(images, "sferum-devidentity", work.FullName, [$"--urls=http://127.0.0.1:{identityPort}"],
                new() { ["ASPNETCORE_ENVIRONMENT"] = "Development" });
            started.Add(identity);
            await HttpWait.UntilOkAsync($"http://127.0.0.1:{identityPort}/.well-known/openid-configuration", TimeSpan.FromSeconds(60), identity);
        }
        finally
        {
            foreach (var process in started)
            {
                await process.DisposeAsync();
            }

            work.Delete(recursive: true);
        }
    }

    /// <summary>Unpacks <paramref name="name"/>'s archive and starts its entrypoint the way its configuration says.</summary>
    private static async Task<ServiceProcess> StartImageAsync(
        string images, string name, string work, IEnumerable<string> arguments, Dictionary<string, string> environment)
    {
        var unpacked = Path.Combine(work, name);
        var root = Path.Combine(unpacked, "root");
        Directory.CreateDirectory(root);
        var (untarred, untarOutput) = await RunAsync("tar", ["-xf", Path.Combine(images, $"{name}.tar.gz"), "-C", unpacked], [], TimeSpan.FromMinutes(2));
        Assert.True(untarred == 0, untarOutput);
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(unpacked, "manifest.json")));
        var image = manifest.RootElement[0];
        Assert.Contains($"{name}:latest", image.GetProperty("RepoTags").EnumerateArray().Select(t => t.GetString()));
        foreach (var layer in image.GetProperty("Layers").EnumerateArray())
        {
            var (code, text) = await RunAsync("tar", ["-xf", Path.Combine(unpacked, layer.GetString()!), "-C", root], [], TimeSpan.FromMinutes(2));
            Assert.True(code == 0, text);
        }

        using var config = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(unpacked, image.GetProperty("Config").GetString()!)));
        var container = config.RootElement.GetProperty("config");
        var user = container.GetProperty("User").GetString()!;
        Assert.NotEqual("0", user); // never root inside

        // env -i: only the image's environment and ours, as in a container; env -C: the image's working directory.
        var command = new List<string> { "-m", "-p", "-f", "--kill-child", $"--mount-proc={root}/proc", "chroot", $"--userspec={user}:{user}", root, "/usr/bin/env", "-i",
            "-C", container.GetProperty("WorkingDir").GetString()! };
        command.AddRange(container.GetProperty("Env").EnumerateArray().Select(e => e.GetString()!));
        command.AddRange(environment.Select(e => $"{e.Key}={e.Value}"));
        command.AddRange(container.GetProperty("Entrypoint").EnumerateArray().Select(e => e.GetString()!));
        command.AddRange(arguments);
        return ServiceProcess.StartProgram(name, "unshare", work, command);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments, Dictionary<string, string> environment, TimeSpan limit)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(limit);
        return (process.ExitCode, await stdout + await stderr);
    }
}
