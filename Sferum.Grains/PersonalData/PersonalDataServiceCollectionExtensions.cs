using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Sferum.PersonalData;

public static class PersonalDataServiceCollectionExtensions
{
    /// <summary>
    /// Erasure, acts of destruction and the leaver job (section <c>Sferum:PersonalData</c>); self-service exports and
    /// retention (<c>Sferum:PersonalData:Exports</c>, <c>Sferum:PersonalData:Retention</c>).
    /// </summary>
    public static IServiceCollection AddSferumPersonalData(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PersonalDataOptions>(configuration.GetSection(PersonalDataOptions.Section));
        services.AddSingleton<ErasureTargetReader>();
        services.AddSingleton<PersonalDataEraser>();
        services.AddSingleton<DestructionActStore>();
        services.AddSingleton<PersonRecordStore>();
        services.AddSingleton<OperatorStore>();
        services.AddSingleton<LeaverFinder>();
        services.AddSingleton<ConsentDestructions>();
        services.AddSingleton<DestructionActCompletion>();
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
