using Sferum.DevIdentity.Hosting;

// Sferum.DevIdentity: an ESIA-like OpenID Connect provider for development and tests (users from a JSON file).
var builder = WebApplication.CreateBuilder(args);
try
{
    builder.AddDevIdentity();
}
catch (DevIdentityConfigurationException ex)
{
    Console.Error.WriteLine($"Sferum.DevIdentity cannot start: {ex.Message}");
    return 3;
}

var app = builder.Build();
app.UseDevIdentity();
app.Run();
return 0;
