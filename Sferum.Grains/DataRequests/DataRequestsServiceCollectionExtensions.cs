using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sferum.Incidents;
using Sferum.Notices;

namespace Sferum.DataRequests;

public static class DataRequestsServiceCollectionExtensions
{
    /// <summary>
    /// Data subjects' requests and personal-data incidents (issue 12): the working-day calendar, the deadlines and
    /// signal thresholds, each checked at start so that a wrong setting stops the silo naming its key.
    /// </summary>
    public static IServiceCollection AddSferumDataRequests(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkingCalendarOptions>().Bind(configuration.GetSection(WorkingCalendarOptions.Section));
        Checked<RequestDeadlineOptions>(services, configuration, RequestDeadlineOptions.Section, o => o.Problems());
        Checked<IncidentOptions>(services, configuration, IncidentOptions.Section, o => o.Problems());
        Checked<SignalOptions>(services, configuration, SignalOptions.Section, o => o.Problems());
        services.AddSingleton(sp => new RequestDeadlines(
            WorkingCalendar.From(sp.GetRequiredService<IOptions<WorkingCalendarOptions>>().Value),
            sp.GetRequiredService<IOptions<RequestDeadlineOptions>>().Value));
        services.AddSingleton<DataRequestStore>();
        services.AddSingleton<SchoolPersonDirectory>();
        services.AddSingleton<SubjectDataReader>();
        services.AddSingleton<IncidentStore>();
        services.AddSingleton<ResponsiblePeople>();
        services.AddSingleton<SignalScanner>();
        services.AddSingleton<NoticeStore>();
        return services;
    }

    private static void Checked<T>(IServiceCollection services, IConfiguration configuration, string section, Func<T, IEnumerable<string>> problems)
        where T : class
    {
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new Listed<T>(problems));
    }

    /// <summary>Fails with every problem the options list, each naming its key.</summary>
    private sealed class Listed<T>(Func<T, IEnumerable<string>> problems) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            problems(options).ToList() is { Count: > 0 } found ? ValidateOptionsResult.Fail(found) : ValidateOptionsResult.Success;
    }
}
