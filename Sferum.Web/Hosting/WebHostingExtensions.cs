using Microsoft.AspNetCore.Http.Features;
using Npgsql;
using Sferum.Files;
using Sferum.Web.Chats;
using Sferum.Web.Errors;
using Sferum.Web.Cluster;
using Sferum.Web.DataProtection;
using Sferum.Web.Health;
using Sferum.Web.Identity;
using Sferum.Web.Journal;
using Sferum.Web.Localization;
using Sferum.Web.Offline;
using Sferum.Web.Operations;
using Sferum.Telemetry;

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
        var proxies = builder.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        proxies.ApplyTo(new Microsoft.AspNetCore.Builder.ForwardedHeadersOptions()); // a malformed address stops the node now, not at the first request
        builder.Services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(proxies.ApplyTo);
        builder.AddSferumTelemetry("sferum-web", web: true);
        builder.AddSferumCluster(connectionString);
        builder.AddSferumAuthentication();
        builder.Services.AddSferumDataProtection();
        builder.Services.AddSferumHealthChecks();
        builder.Services.AddOpenApi();
        builder.Services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = 64 * 1024;
            // Pings every 5 s let browsers (server timeout 15 s in chat.js) notice a dead network quickly.
            o.KeepAliveInterval = TimeSpan.FromSeconds(5);
        });
        builder.Services.AddSingleton<Telemetry.WebMetrics>();
        builder.Services.AddSferumOperations();
        builder.Services.AddSingleton<ChatRelay>();
        builder.Services.AddSingleton<Notifications.NotificationRelay>();
        builder.Services.AddSingleton<Notifications.NotificationBadge>();
        builder.Services.AddSingleton<Notifications.NotificationTexts>();
        builder.Services.AddHostedService<ChatRelayHealing>();
        builder.Services.AddSingleton<UserChats>();
        builder.Services.AddSingleton<Sessions.SessionConnections>();
        builder.Services.AddHostedService<Sessions.SessionGuard>();
        builder.Services.Configure<FileStoreOptions>(builder.Configuration.GetSection(FileStoreOptions.Section));
        builder.Services.AddSingleton<IFileStore, LocalFileStore>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<Meetings.VideoProxyOptions>(builder.Configuration.GetSection(Meetings.VideoProxyOptions.Section));
        // Janus holds a long poll up to 30 s before it answers "keepalive".
        builder.Services.AddHttpClient(Meetings.JanusProxy.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(65));
        builder.Services.AddAntiforgery(o => o.HeaderName = "RequestVerificationToken");
        // Russian text goes out as text, not as &#x…; entities (still HTML-encoded where it must be).
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddSferumLocalization(builder.Configuration);
        builder.Services.AddRazorPages(o =>
        {
            // Closed by default: a new page needs a signed-in user unless it is named here as public.
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Index");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AllowAnonymousToPage("/Offline"); // the service worker keeps it whoever is signed in
            o.Conventions.AllowAnonymousToFolder("/Account");
            o.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
        })
            .AddMvcOptions(o => o.Filters.Add<DomainErrorPageFilter>())
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = UploadLimits.MaxRequestBytes);
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = UploadLimits.MaxRequestBytes);
        return builder;
    }

    public static WebApplication UseSferumWeb(this WebApplication app)
    {
        // First: the client's address and scheme (https at the proxy) are right for everything after, the sign-in's
        // redirect address included.
        app.UseForwardedHeaders();
        app.UseAuditClientAddress();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }

        // People get a Russian error page; API clients get the bare status (and ProblemDetails where there is one).
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"),
            branch => branch.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseSferumOfflineCacheKey();
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapSferumHealthChecks();
        app.MapOpenApi();
        app.MapJournalApi();
        app.MapHub<ChatHub>("/hubs/chat");
        app.MapChatHistory();
        app.MapChatMembers();
        app.MapOperatorDashboard();
        app.MapChatFiles();
        app.MapPolls();
        app.MapAnnouncements();
        app.MapModeration();
        app.MapScheduledMessages();
        app.MapCommunities();
        Meetings.MeetingsApi.MapMeetings(app);
        Meetings.JanusProxy.MapJanusProxy(app);
        Classes.MaterialsApi.MapMaterials(app);
        PersonalData.DataExportsApi.MapDataExports(app);
        return app;
    }
}
