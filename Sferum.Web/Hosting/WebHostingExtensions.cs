using Npgsql;
using Sferum.Web.Cluster;
using Sferum.Web.DataProtection;
using Sferum.Web.Health;
using Sferum.Web.Identity;

namespace Sferum.Web.Hosting;

public static class WebHostingExtensions
{
    public static WebApplicationBuilder AddSferumWeb(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Sferum");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("Configuration key 'ConnectionStrings:Sferum' is required (environment variable ConnectionStrings__Sferum).");
        }

        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.AddSferumCluster(connectionString);
        builder.AddSferumAuthentication();
        builder.Services.AddSferumDataProtection();
        builder.Services.AddSferumHealthChecks();
        builder.Services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
            o.Conventions.AuthorizePage("/Profile");
        });
        return builder;
    }

    public static WebApplication UseSferumWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapSferumHealthChecks();
        return app;
    }
}
