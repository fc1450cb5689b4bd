using Sferum.Chats;
using Sferum.Common;
using Sferum.Grains.Tests.Chats;
using Sferum.Materials;
using Sferum.Testing;

namespace Sferum.Grains.Tests.Materials;

/// <summary>A class's materials library against a real PostgreSQL: who reads, who publishes, search, downloads, refusals.</summary>
[Collection(GrainCollection.Name)]
public sealed class MaterialTests(GrainTestEnvironment env)
{
    private static readonly ChatAttachment Sheet = new(new string('a', 64), "Дроби — домашнее задание.pdf", "application/pdf", 2048);

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Teachers_publish_pupils_and_parents_read_search_and_download_and_each_download_is_counted()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var library = env.Grains.GetGrain<IClassMaterialsGrain>(fx.ClassId);
        var sheet = await library.PublishAsync(fx.Teacher, new MaterialDraft("m1", "Математика", "Сложение дробей", Today, Sheet, null));
        var again = await library.PublishAsync(fx.Teacher, new MaterialDraft("m1", "Математика", "Сложение дробей", Today, Sheet, null));
        await library.PublishAsync(fx.Teacher, new MaterialDraft("m2", "Окружающий мир", "Презентация о лесе", Today.AddDays(-1), null, "https://example.org/forest"));

        Assert.Equal(sheet.Id, again.Id); // the same client id publishes once
        var asPupil = await library.ListAsync(fx.Student, null, null);
        Assert.False(asPupil.CanPublish);
        Assert.Equal(2, asPupil.Items.Count);
        Assert.Contains("Математика", asPupil.Subjects);
        Assert.True((await library.ListAsync(fx.Teacher, null, null)).CanPublish);

        // Russian stemming: "дроби" finds "дробей"; a subject filter keeps to the subject.
        Assert.Equal(sheet.Id, Assert.Single((await library.ListAsync(fx.Parent, null, "дроби")).Items).Id);
        Assert.Equal("Презентация о лесе", Assert.Single((await library.ListAsync(fx.Parent, "Окружающий мир", null)).Items).Title);

        await library.OpenAsync(fx.Student, sheet.Id);
        var opened = await library.OpenAsync(fx.Parent, sheet.Id);
        Assert.Equal(2, opened.Downloads);
        Assert.Equal(Sheet.Hash, opened.File!.Hash);
    }

    [Fact]
    public async Task Outsiders_and_readers_cannot_publish_and_bad_items_are_refused_by_their_rule()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var library = env.Grains.GetGrain<IClassMaterialsGrain>(fx.ClassId);
        var ok = new MaterialDraft("x", "Математика", "Задачи", Today, Sheet, null);

        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => library.ListAsync(fx.OtherClassStudent, null, null))).Code);
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => library.PublishAsync(fx.Student, ok))).Code);
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => library.PublishAsync(fx.Parent, ok))).Code);
        Assert.False(await library.CanPublishAsync(fx.OtherClassStudent));
        Assert.True(await library.CanPublishAsync(fx.AdminId));

        async Task<string> Refusal(MaterialDraft draft) => (await Assert.ThrowsAsync<DomainException>(() => library.PublishAsync(fx.Teacher, draft))).Code;
        Assert.Equal("attachment.type", await Refusal(ok with { File = Sheet with { FileName = "virus.exe" } }));
        Assert.Equal("material.content-invalid", await Refusal(ok with { File = null }));
        Assert.Equal("material.content-invalid", await Refusal(ok with { Url = "https://example.org" }));
        Assert.Equal("material.url-invalid", await Refusal(ok with { File = null, Url = "javascript:alert(1)" }));
        Assert.Equal("material.subject-invalid", await Refusal(ok with { Subject = " " }));
        Assert.Equal("material.date-invalid", await Refusal(ok with { LessonDate = Today.AddYears(3) }));
        Assert.Equal("material.unknown", (await Assert.ThrowsAsync<DomainException>(() => library.OpenAsync(fx.Student, Guid.NewGuid()))).Code);
        Assert.Equal(0, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM class_materials WHERE class_id = @c", ("c", fx.ClassId)));
    }
}
