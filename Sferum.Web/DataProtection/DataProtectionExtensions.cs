using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Sferum.Web.DataProtection;

public static class DataProtectionExtensions
{
    public static IServiceCollection AddSferumDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Sferum");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = ActivatorUtilities.CreateInstance<PostgresXmlRepository>(sp)));
        return services;
    }
}
