using Sferum.Consents;
using Sferum.Identity;
using Sferum.PersonalData;
using Sferum.Schools;

namespace Sferum.Silo.Demo;

/// <summary>
/// Creates the demo school when <c>Sferum:Demo:Seed</c> is true (the run command turns it on): its admin is the
/// demo operator (by SNILS, <c>Sferum:Demo:SchoolAdminSnils</c>), the demo journal client may push rosters to it, and
/// it has an operator name and address for consents.
/// Idempotent, so every silo may run it; the fixed id lets the demo data attach to the same school.
/// </summary>
internal sealed class DemoSeeder(IGrainFactory grains, IConfiguration configuration, ILogger<DemoSeeder> logger) : BackgroundService
{
    public const string EnabledKey = "Sferum:Demo:Seed";
    public const string JournalClient = "journal-demo";

    public static readonly Guid DemoSchoolId = Guid.Parse("7a5c0000-0000-4000-8000-000000000007");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var school = await grains.GetGrain<ISchoolDirectoryGrain>(0)
            .EnsureSeededSchoolAsync(DemoSchoolId, new SchoolDraft("Школа № 7", "г. Москва", "Europe/Moscow"));
        var adminSnils = configuration["Sferum:Demo:SchoolAdminSnils"];
        await grains.GetGrain<ISchoolGrain>(DemoSchoolId).SeedAccessAsync(adminSnils ?? "", new PersonName("Администратор", "демо-школы", null), JournalClient);
        // Consents, answers and acts name the school as operator of personal data; invented details for the demo.
        await grains.GetGrain<ISchoolOperatorGrain>(DemoSchoolId).SeedAsync(new OperatorDetails("ГБОУ «Школа № 7» (демонстрационная)",
            "г. Москва, ул. Учебная, д. 7", "Иванова А. П.", "заместитель директора"));
        logger.LogInformation("Demo school {SchoolName} ({SchoolId}) is ready", school.Name, school.SchoolId);
    }
}
