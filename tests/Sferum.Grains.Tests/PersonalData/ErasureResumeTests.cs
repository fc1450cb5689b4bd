using Orleans.Core.Internal;
using Sferum.PersonalData;
using Sferum.Testing;

namespace Sferum.Grains.Tests.PersonalData;

/// <summary>
/// An erasure interrupted half-way (here: the database refuses its destroying transaction, and the grain's activation
/// is then lost as with a dying silo) is finished by its reminder alone, with one act.
/// </summary>
[Collection(GrainCollection.Name)]
public sealed class ErasureResumeTests(GrainTestEnvironment env)
{
    [Fact]
    public async Task An_erasure_stopped_half_way_is_finished_by_its_reminder()
    {
        var sc = await ErasureScenario.CreateAsync(env);
        var trigger = $"refuse_{sc.Pupil:N}";
        await Sql.ExecuteAsync(env.ConnectionString, $"""
            CREATE FUNCTION {trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'injected: the database went away'; END $$;
            CREATE TRIGGER {trigger} BEFORE DELETE ON user_identities FOR EACH ROW
                WHEN (OLD.user_id = '{sc.Pupil}') EXECUTE FUNCTION {trigger}();
            """);
        var erasure = env.Grains.GetGrain<IPersonErasureGrain>(PersonKeys.ForUser(sc.Pupil));
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => erasure.OrderAsync(sc.AdminId,
                new AdminErasureOrder(sc.SchoolId, "Заявление от 03.12.2026", "директор", true)));
            Assert.Equal(ErasureState.Running, (await erasure.GetStatusAsync()).State);
            // Nothing was destroyed: the transaction rolled back as a whole, and the act keeps the names to erase.
            Assert.NotEmpty(await DatabaseScan.FindAsync(env.ConnectionString, [sc.FullName], "destruction_acts"));
            Assert.Equal(1L, await Sql.CountAsync(env.ConnectionString,
                "SELECT count(*) FROM destruction_acts WHERE person_key = @k AND completed_at IS NULL AND pending_names IS NOT NULL", ("k", PersonKeys.ForUser(sc.Pupil))));
        }
        finally
        {
            await Sql.ExecuteAsync(env.ConnectionString, $"DROP TRIGGER {trigger} ON user_identities; DROP FUNCTION {trigger}()");
        }

        // The activation goes, as it would with its silo; only the stored state and the reminder remain.
        await erasure.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while ((await erasure.GetStatusAsync()).State != ErasureState.Done && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        Assert.Equal(ErasureState.Done, (await erasure.GetStatusAsync()).State);
        Assert.Empty(await DatabaseScan.FindAsync(env.ConnectionString, sc.NameForms, "destruction_acts"));
        Assert.Equal(1L, await Sql.CountAsync(env.ConnectionString,
            "SELECT count(*) FROM destruction_acts WHERE person_key = @k AND completed_at IS NOT NULL", ("k", PersonKeys.ForUser(sc.Pupil))));
    }
}
