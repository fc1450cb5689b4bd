using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Sferum.Consents;

public static class ConsentsServiceCollectionExtensions
{
    /// <summary>The consents' stores and options; a destruction period out of range stops the silo at start, naming the key.</summary>
    public static IServiceCollection AddSferumConsents(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(PersonalDataOptions.Section).Get<PersonalDataOptions>() ?? new PersonalDataOptions();
        if (options.Problem() is { } problem)
        {
            throw new OptionsValidationException(PersonalDataOptions.Section, typeof(PersonalDataOptions), [problem]);
        }

        services.Configure<PersonalDataOptions>(configuration.GetSection(PersonalDataOptions.Section));
        services.AddSingleton<ConsentTexts>();
        services.AddSingleton<ConsentStore>();
        services.AddSingleton<ConsentSubjects>();
        services.AddSingleton<ConsentAudit>();
        return services;
    }
}
