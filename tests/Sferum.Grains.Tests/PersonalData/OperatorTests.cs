using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using Sferum.Common;
using Sferum.DataRequests;
using Sferum.Grains.Tests.Chats;
using Sferum.PersonalData;
using Sferum.Platform;
using Sferum.Testing;

namespace Sferum.Grains.Tests.PersonalData;

/// <summary>The school's operator details: one store that the erasure's acts read, admins only, and the move of older copies into it.</summary>
[Collection(GrainCollection.Name)]
public sealed class OperatorTests(GrainTestEnvironment env)
{
    [Fact]
    public async Task One_save_is_what_the_acts_name_it_is_audited_once_and_only_the_schools_admins_see_or_change_it()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var school = env.Grains.GetGrain<ISchoolOperatorGrain>(fx.SchoolId);
        Assert.Null(await school.GetAsync(fx.AdminId));
        // Until the school says, acts fall back to the school's own name.
        var fallback = await env.Grains.GetGrain<IPersonalDataGrain>(fx.SchoolId).GetSettingsForErasureAsync();
        Assert.Equal("Администратор школы", fallback.ResponsibleName);

        var details = new OperatorDetails(" МБОУ «Школа № 40» ", "620000, г. Екатеринбург, ул. Ленина, д. 40", "Петрова О. Н.", "заместитель директора",
            "ООО «Облако», 101000, г. Москва", "5 лет после выпуска");
        await school.SetAsync(fx.AdminId, details);
        await school.SetAsync(fx.AdminId, details);

        Assert.Equal(details with { LegalName = "МБОУ «Школа № 40»" }, await school.GetAsync(fx.AdminId));
        var settings = await env.Grains.GetGrain<IPersonalDataGrain>(fx.SchoolId).GetSettingsForErasureAsync();
        Assert.Equal(("МБОУ «Школа № 40»", "620000, г. Екатеринбург, ул. Ленина, д. 40", "ООО «Облако», 101000, г. Москва", "Петрова О. Н.", "заместитель директора"),
            (settings.OperatorName, settings.OperatorAddress, settings.Processor, settings.ResponsibleName, settings.ResponsiblePosition));
        Assert.Equal(1, await Sql.CountAsync(env.ConnectionString,
            "SELECT count(*) FROM audit_log WHERE school_id = @s AND action = 'consent.operator-set'", ("s", fx.SchoolId)));

        var refusal = await Assert.ThrowsAsync<DomainException>(() => school.SetAsync(fx.AdminId, details with { ResponsibleName = "" }));
        Assert.Equal("operator.responsible-invalid", refusal.Code);
        Assert.Equal("operator.details-too-long",
            (await Assert.ThrowsAsync<DomainException>(() => school.SetAsync(fx.AdminId, details with { Retention = new string('я', 1001) }))).Code);
        foreach (var outsider in new[] { fx.Teacher, fx.Parent, fx.Student, Guid.NewGuid() })
        {
            Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => school.GetAsync(outsider))).Code);
            Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => school.SetAsync(outsider, details with { LegalName = "Чужая школа" }))).Code);
            Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() =>
                env.Grains.GetGrain<IPersonalDataGrain>(fx.SchoolId).SetPolicyAsync(outsider, new DestructionPolicy(true, true)))).Code);
        }

        Assert.Equal("МБОУ «Школа № 40»", (await school.GetAsync(fx.AdminId))!.LegalName);
        Assert.Equal(new DestructionPolicy(), await env.Grains.GetGrain<IPersonalDataGrain>(fx.SchoolId).GetPolicyAsync(fx.AdminId));
    }

    [Fact]
    public async Task Details_an_older_version_kept_in_grain_state_move_into_the_store_without_overwriting_what_an_admin_set()
    {
        var fx = await ChatFixture.CreateAsync(env);
        await env.Grains.GetGrain<ISchoolOperatorGrain>(fx.SchoolId).SetAsync(fx.AdminId,
            new OperatorDetails("МБОУ «Школа № 41»", "620000, г. Екатеринбург, ул. Мира, д. 41", "Новикова Т. С.", "директор"));

        // What the two desks kept before there was one store, written as their grain state was (neither is active yet).
        var storage = ((InProcessSiloHandle)env.Cluster.Primary!).SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Default);
        var desk = env.Grains.GetGrain<IPersonalDataGrain>(fx.SchoolId);
        await storage.WriteStateAsync("personal-data", desk.GetGrainId(), new GrainState<PersonalDataGrain.SettingsState>(new()
        {
            Settings = new PersonalDataSettings("Старое наименование", "Старый адрес, д. 1", "ООО «Хостинг»", "Старый Ответственный", "завуч", DeleteMessages: true),
        }));
        var requests = env.Grains.GetGrain<IDataRequestsGrain>(fx.SchoolId);
        await storage.WriteStateAsync("dataRequests", requests.GetGrainId(), new GrainState<DataRequestsState>(new()
        {
            Details = new LegacyOperatorNotes("Ещё один адрес", "Кто-то", "ООО «Другой хостинг»", "3 года после выбытия"),
        }));

        Assert.Equal(new DestructionPolicy(DeleteMessages: true), await desk.GetPolicyAsync(fx.AdminId));
        await requests.QueueAsync(fx.AdminId, true);

        var merged = await env.Grains.GetGrain<ISchoolOperatorGrain>(fx.SchoolId).GetAsync(fx.AdminId);
        Assert.Equal(new OperatorDetails("МБОУ «Школа № 41»", "620000, г. Екатеринбург, ул. Мира, д. 41", "Новикова Т. С.", "директор",
            "ООО «Хостинг»", "3 года после выбытия"), merged);
        // The old copies are gone from grain state: the next activation has nothing to move.
        var kept = new GrainState<PersonalDataGrain.SettingsState>(new());
        await storage.ReadStateAsync("personal-data", desk.GetGrainId(), kept);
        Assert.Null(kept.State!.Settings);
        var keptNotes = new GrainState<DataRequestsState>(new());
        await storage.ReadStateAsync("dataRequests", requests.GetGrainId(), keptNotes);
        Assert.Null(keptNotes.State!.Details);
    }
}
