using Microsoft.Extensions.Options;
using Npgsql;
using Sferum.Chats;
using Sferum.Files;
using Sferum.Rosters;
using Sferum.Schools;

namespace Sferum.Bench.Region;

/// <summary>
/// Fills a database the way a region's schools would: each school's roster imported through the import grain (the
/// journal's path), a class's chats given messages through the chat log's own store (the commit the chat grain makes;
/// authors are arbitrary ids, which the log does not check), and some learning materials in the file store.
/// </summary>
public sealed class RegionBuilder(IGrainFactory grains, ChatStore chats, NpgsqlDataSource database, string filesFolder, string work)
{
    private static readonly string[] Sentences =
    [
        "Завтра контрольная по математике, повторите дроби.", "Не забудьте сменную обувь.", "Родительское собрание в четверг в 18:00.",
        "Домашнее задание в электронном журнале.", "Кто идёт на экскурсию, сдайте согласия до пятницы.", "Спасибо всем за помощь с ярмаркой!",
    ];

    private readonly LocalFileStore files = new(Options.Create(new FileStoreOptions { Folder = filesFolder }));
    private readonly Random random = new(7);

    public async Task<(int People, int Chats, long Messages)> AddSchoolAsync(int number, int students, int messagesPerChat, int filesPerSchool)
    {
        var schoolId = Guid.NewGuid();
        await grains.GetGrain<ISchoolDirectoryGrain>(0).EnsureSeededSchoolAsync(schoolId, new SchoolDraft($"Школа № {number}", "Демо-регион", "Europe/Moscow"));
        await grains.GetGrain<ISchoolGrain>(schoolId).SeedAccessAsync("", new Identity.PersonName("-", "-", null), "region");
        var roster = SchoolGenerator.Generate(Path.Combine(work, $"school-{number}"), students, "journal-utf8", seed: number, school: $"Школа № {number}");
        var imports = grains.GetGrain<IRosterImportGrain>(schoolId);
        var requester = ImportRequester.Journal("region");
        var preview = await imports.PreviewAsync(requester, roster.Select(f => new ImportFile(f.Name, f.Content)).ToList());
        var applied = await imports.ApplyAsync(requester, preview.ImportId);
        if (applied.Status != ImportStatus.Applied)
        {
            throw new InvalidOperationException($"School {number}: the import ended {applied.Status}.");
        }

        var chatIds = await ChatsOfAsync(schoolId);
        long messages = 0;
        foreach (var chatId in chatIds)
        {
            messages += await PostAsync(chatId, messagesPerChat);
        }

        for (var i = 0; i < filesPerSchool; i++)
        {
            var bytes = new byte[200 * 1024];
            random.NextBytes(bytes);
            await files.PutAsync(new MemoryStream(bytes), bytes.Length);
        }

        return (preview.Changes.People.Added, chatIds.Count, messages);
    }

    private async Task<List<Guid>> ChatsOfAsync(Guid schoolId)
    {
        await using var command = database.CreateCommand("SELECT class_chat_id, parents_chat_id FROM roster_classes WHERE school_id = @school");
        command.Parameters.AddWithValue("school", schoolId);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
            ids.Add(reader.GetGuid(1));
        }

        return ids;
    }

    private async Task<int> PostAsync(Guid chatId, int count)
    {
        var authors = Enumerable.Range(0, 8).Select(_ => Guid.NewGuid()).ToArray();
        var at = DateTimeOffset.UtcNow.AddDays(-30);
        for (var seq = 1; seq <= count; seq += 100)
        {
            var batch = Enumerable.Range(seq, Math.Min(100, count - seq + 1)).Select(s => new PendingEvent(ChatEventType.Posted, authors[s % authors.Length], "Участник")
            {
                ClientId = Guid.NewGuid().ToString(),
                Text = Sentences[random.Next(Sentences.Length)],
                Seq = s,
            }).ToList();
            _ = await chats.CommitAsync(chatId, batch, at.AddMinutes(seq)) ?? throw new InvalidOperationException($"Chat {chatId}: a batch was refused.");
        }

        return count;
    }
}
