using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sferum.Audit;
using Sferum.Chats;
using Sferum.Classes;
using Sferum.Consents;
using Sferum.DataRequests;
using Sferum.Digest;
using Sferum.Identity;
using Sferum.Invitations;
using Sferum.PersonalData;
using Sferum.Platform;
using Sferum.Rosters;
using Sferum.Rosters.Reading;
using Sferum.Schools;
using Sferum.Sessions;

namespace Sferum;

public static class SferumGrainsServiceCollectionExtensions
{
    /// <summary>Services the grains depend on, bound from the silo's configuration.</summary>
    public static IServiceCollection AddSferumGrains(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Sferum");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("ConnectionStrings:Sferum is required: the grains keep rosters, imports and the audit log in PostgreSQL.");
        }

        services.Configure<PlatformOptions>(configuration.GetSection(PlatformOptions.Section));
        services.Configure<RosterReaderOptions>(configuration.GetSection(RosterReaderOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<GrainMetrics>();
        // Statements the grains run all the time (chat commits, history pages) are prepared once per connection.
        // No reset when a connection goes back to the pool: with prepared statements Npgsql's reset is six statements
        // (RESET ALL, UNLISTEN *, ...) sent ahead of every next use, a chat commit included. The grains keep no session
        // state on a connection (no SET, LISTEN, session advisory lock or temporary table; PoolResetTests guard that).
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString)
        {
            ConnectionStringBuilder = { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2, NoResetOnClose = true },
        }.Build());
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AuditReader>();
        services.AddSingleton<People.ContactReadAudit>();
        services.AddSingleton<IIncomingGrainCallFilter, DatabaseErrorFilter>();
        services.AddSingleton<IIncomingGrainCallFilter, RefusalAuditFilter>();
        services.AddSingleton<SchoolAdminStore>();
        services.AddSingleton<SchoolClassesReader>();
        services.AddSingleton<ClassRosterReader>();
        services.AddSingleton<UserIdentityStore>();
        services.AddSingleton<RosterStore>();
        services.AddSingleton<RosterImportStore>();
        services.Configure<ChatOptions>(configuration.GetSection(ChatOptions.Section));
        services.AddSingleton<ChatStore>();
        services.AddSingleton<ChatLocator>();
        services.AddSingleton<ChatDirectory>();
        services.AddSingleton<ChatSanctions>();
        services.AddSingleton<Moderation.ReportStore>();
        services.AddSingleton<Scheduling.ScheduledMessageStore>();
        services.AddSingleton<Materials.MaterialStore>();
        services.AddSingleton<Communities.CommunityStore>();
        services.AddSingleton<SchoolPeople>();
        services.AddSingleton<People.MemberRelations>();
        services.AddSingleton<Polls.PollStore>();
        services.AddSingleton<Announcements.AcknowledgementStore>();
        services.Configure<Meetings.VideoOptions>(configuration.GetSection(Meetings.VideoOptions.Section));
        services.AddHttpClient<Meetings.JanusAdmin>(http => http.Timeout = TimeSpan.FromSeconds(5));
        // Recordings go into the same store as the web nodes' files: the silo needs the same folder (a shared volume).
        services.Configure<Files.FileStoreOptions>(configuration.GetSection(Files.FileStoreOptions.Section));
        services.AddSingleton<Files.IFileStore, Files.LocalFileStore>();
        services.Configure<InvitationOptions>(configuration.GetSection(InvitationOptions.Section));
        services.AddSingleton<InvitationStore>();
        services.AddSingleton<ParentLinks>();
        services.Configure<SessionOptions>(configuration.GetSection(SessionOptions.Section));
        services.AddSingleton<SessionStore>();
        services.AddSferumConsents(configuration);
        services.AddSferumDataRequests(configuration);
        services.AddSferumPersonalData(configuration);
        services.AddSferumDigest(configuration);
        return services;
    }
}
