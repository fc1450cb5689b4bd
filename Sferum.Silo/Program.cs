using Sferum.Database;
using Sferum.Silo.Audit;
using Sferum.Silo.Hosting;

// An Orleans silo of the Sferum cluster. Configuration comes from appsettings.json, environment variables
// (ConnectionStrings__Sferum, Orleans__SiloPort, …) and --Key=value arguments; README.md lists the keys.
// "audit verify" checks the audit log's hash chain instead of starting a silo.
if (AuditCommand.IsInvoked(args))
{
    return await AuditCommand.RunAsync(args, Console.Out, Console.Error);
}

try
{
    var builder = Host.CreateApplicationBuilder(args);
    builder.AddSferumSilo();
    using var host = builder.Build();
    await host.RunAsync();
    return 0;
}
catch (DatabaseUnreachableException ex)
{
    // Say which server was tried and stop: a silo without its database must not limp along.
    Console.Error.WriteLine($"Sferum.Silo cannot start: {ex.Message}");
    return 2;
}
catch (MissingConfigurationException ex)
{
    Console.Error.WriteLine($"Sferum.Silo cannot start: {ex.Message}");
    return 3;
}
