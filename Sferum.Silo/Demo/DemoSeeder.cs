using Sferum.Schools;

namespace Sferum.Silo.Demo;

/// <summary>
/// Creates the demo school when <c>Sferum:Demo:Seed</c> is true (the run command turns it on). Idempotent, so every
/// silo may run it; its fixed id lets the demo users' later data attach to the same school.
/// </summary>
internal sealed class DemoSeeder(IGrainFactory grains, ILogger<DemoSeeder> logger) : BackgroundService
{
    public const string EnabledKey = "Sferum:Demo:Seed";

    public static readonly Guid DemoSchoolId = Guid.Parse("7a5c0000-0000-4000-8000-000000000007");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var school = await grains.GetGrain<ISchoolDirectoryGrain>(0)
            .EnsureSeededSchoolAsync(DemoSchoolId, new SchoolDraft("Школа № 7", "г. Москва", "Europe/Moscow"));
        logger.LogInformation("Demo school {SchoolName} ({SchoolId}) is ready", school.Name, school.SchoolId);
    }
}
