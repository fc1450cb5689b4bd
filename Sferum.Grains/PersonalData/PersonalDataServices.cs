using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Sferum.PersonalData;

public static class PersonalDataServices
{
    /// <summary>Self-service exports of personal data (whom a user may export, the SQL, the archive and its folder) and retention.</summary>
    public static IServiceCollection AddPersonalData(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DataExportOptions>(configuration.GetSection(DataExportOptions.Section));
        services.AddSingleton<ExportablePeople>();
        services.AddSingleton<DataExportStore>();
        services.AddSingleton<PersonalDataQueries>();
        services.AddSingleton<ExportArchive>();
        services.AddSingleton<ExportFolder>();
        services.Configure<RetentionOptions>(configuration.GetSection(RetentionOptions.Section));
        services.AddSingleton<RetentionStore>();
        services.AddSingleton<RetentionApplier>();
        return services;
    }
}
