using Microsoft.Extensions.Configuration;
using Sferum.DataRequests;

namespace Sferum.Grains.Tests.DataRequests;

/// <summary>The working-day calendar and deadlines exactly as the silo's appsettings.json ships them.</summary>
public static class ShippedCalendar
{
    public static IConfiguration Configuration { get; } = new ConfigurationBuilder().AddJsonFile(Locate()).Build();

    public static WorkingCalendar Calendar =>
        WorkingCalendar.From(Configuration.GetSection(WorkingCalendarOptions.Section).Get<WorkingCalendarOptions>()!);

    public static RequestDeadlineOptions Deadlines => Configuration.GetSection(RequestDeadlineOptions.Section).Get<RequestDeadlineOptions>()!;

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Sferum.Silo", "appsettings.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Sferum.Silo/appsettings.json not found above {AppContext.BaseDirectory}");
    }
}
