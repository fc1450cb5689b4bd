using Sferum.Grains.Tests.Consents;
using Sferum.PersonalData;
using Sferum.Testing;

namespace Sferum.Grains.Tests.PersonalData;

/// <summary>
/// A withdrawn consent's scheduled destruction, carried out by the personal-data job when due: the consented number
/// goes, the row is marked done, one act of destruction with its log extract says so, and a second run does nothing.
/// </summary>
[Collection(GrainCollection.Name)]
public sealed class ConsentDestructionTests(GrainTestEnvironment env)
{
    [Fact]
    public async Task The_job_destroys_a_withdrawn_consents_number_when_due_once_with_an_act()
    {
        var fx = await ConsentFixture.CreateAsync(env);
        var consents = fx.Consents(env.Grains);
        var given = await consents.GiveAsync(fx.Mother, ConsentFixture.Accept(await fx.OfferAsync(env.Grains, fx.Mother, "S1"), "S1", "+7 912 000-33-44"));
        await consents.WithdrawAsync(fx.Mother, given.ConsentId);
        var jobs = env.Grains.GetGrain<IPersonalDataJobsGrain>(0);
        var values = () => Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM consent_data WHERE consent_id = @c", ("c", given.ConsentId));

        // Not due for twelve days (the test cluster's period): the job leaves it.
        await jobs.RunAsync();
        Assert.Equal(1, await values());

        // Twelve days later (the deadline moved back instead of the clock forward).
        await Sql.ExecuteAsync(env.ConnectionString, "UPDATE personal_data_destructions SET destroy_by = now() - interval '1 minute' WHERE consent_id = @c",
            ("c", given.ConsentId));
        await jobs.RunAsync();
        await jobs.RunAsync();

        Assert.Equal(0, await values());
        Assert.Equal(1, await Sql.CountAsync(env.ConnectionString,
            "SELECT count(*) FROM personal_data_destructions WHERE consent_id = @c AND destroyed_at IS NOT NULL", ("c", given.ConsentId)));
        // The consent stays as the proof it was given and withdrawn.
        Assert.Equal(1, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM consents WHERE consent_id = @c AND withdrawn_at IS NOT NULL", ("c", given.ConsentId)));

        var desk = env.Grains.GetGrain<IPersonalDataGrain>(fx.SchoolId);
        var act = Assert.Single(await desk.ListActsAsync(fx.AdminId), a => a.Reason == ErasureReason.ConsentWithdrawn);
        Assert.NotNull(act.CompletedAt);
        var text = await PdfTextExtractor.TextAsync(await desk.GetActPdfAsync(fx.AdminId, act.ActId, extract: false));
        Assert.Contains("номер мобильного телефона для учителей класса", text);
        Assert.Contains("Отзыв согласия", text);
        Assert.Contains($"№ {act.Number}", text);
        var extract = await PdfTextExtractor.TextAsync(await desk.GetActPdfAsync(fx.AdminId, act.ActId, extract: true));
        Assert.Contains("person.erased", extract);
    }
}
