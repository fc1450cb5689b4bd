using Sferum.Web.Hosting;

// The Sferum portal: Razor Pages, OIDC sign-in, an Orleans client of the cluster. README.md lists the configuration.
var builder = WebApplication.CreateBuilder(args);
builder.AddSferumWeb();

var app = builder.Build();
app.UseSferumWeb();
app.Run();

/// <summary>Entry point, public for WebApplicationFactory in tests.</summary>
public partial class Program;
