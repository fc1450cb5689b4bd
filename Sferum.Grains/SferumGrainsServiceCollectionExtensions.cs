using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sferum.Platform;

namespace Sferum;

public static class SferumGrainsServiceCollectionExtensions
{
    /// <summary>Services the grains depend on, bound from the silo's configuration.</summary>
    public static IServiceCollection AddSferumGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PlatformOptions>(configuration.GetSection(PlatformOptions.Section));
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
