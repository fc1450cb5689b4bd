using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Sferum.PersonalData;

public static class PersonalDataServiceCollectionExtensions
{
    /// <summary>Erasure, acts of destruction and the leaver job (section <c>Sferum:PersonalData</c>).</summary>
    public static IServiceCollection AddSferumPersonalData(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PersonalDataOptions>(configuration.GetSection(PersonalDataOptions.Section));
        services.AddSingleton<ErasureTargetReader>();
        services.AddSingleton<PersonalDataEraser>();
        services.AddSingleton<DestructionActStore>();
        services.AddSingleton<PersonRecordStore>();
        services.AddSingleton<LeaverFinder>();
        return services;
    }
}
