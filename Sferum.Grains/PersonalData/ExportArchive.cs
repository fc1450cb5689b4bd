using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sferum.Files;

namespace Sferum.PersonalData;

/// <summary>
/// Writes one export: a zip of JSON files (one per kind of data, readable Russian keys) and the original files the
/// person uploaded, with a README that says what each part is. Progress is reported after each part.
/// </summary>
public sealed class ExportArchive(PersonalDataQueries queries, IFileStore files)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public sealed record Subject(Guid? UserId, Guid? SchoolId, string? JournalId, object? Account);

    public async Task WriteAsync(Subject subject, string path, Func<int, Task> progress)
    {
        await using var stream = File.Create(path);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
        var parts = new List<(string Name, Func<Task<object?>> Read)>
        {
            ("roster.json", async () => await queries.RosterAsync(subject.UserId, subject.SchoolId, subject.JournalId)),
            ("consents.json", async () => await queries.ConsentsAsync(subject.UserId, subject.SchoolId, subject.JournalId)),
        };
        if (subject.UserId is { } user)
        {
            parts.Insert(0, ("account.json", () => Task.FromResult(subject.Account)));
            parts.Add(("classes.json", async () => await queries.ClassesAsync(user)));
            parts.Add(("chats.json", async () => await queries.ChatsAsync(user)));
            parts.Add(("messages.json", async () => await queries.MessagesAsync(user)));
            parts.Add(("materials.json", async () => await queries.MaterialsAsync(user)));
            parts.Add(("sessions.json", async () => await queries.SessionsAsync(user)));
            parts.Add(("audit.json", async () => await queries.AuditAsync(user)));
        }

        var uploaded = subject.UserId is { } owner ? await queries.FilesAsync(owner) : [];
        var total = parts.Count + uploaded.Count + 1;
        var done = 0;
        await WriteTextAsync(zip, "README.txt", Readme(subject.UserId is not null));
        foreach (var (name, read) in parts)
        {
            await WriteTextAsync(zip, name, JsonSerializer.Serialize(await read(), Json));
            await progress(++done * 100 / total);
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (hash, fileName) in uploaded)
        {
            await using var content = files.Open(hash);
            if (content is not null)
            {
                var entry = zip.CreateEntry(UniqueName(names, fileName, hash), CompressionLevel.Fastest);
                await using var target = entry.Open();
                await content.CopyToAsync(target);
            }

            await progress(++done * 100 / total);
        }
    }

    private static string UniqueName(HashSet<string> taken, string fileName, string hash)
    {
        var safe = string.Concat(fileName.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '\\' or '/' ? '_' : c));
        var name = $"files/{safe}";
        if (!taken.Add(name))
        {
            name = $"files/{hash[..8]}-{safe}";
            taken.Add(name);
        }

        return name;
    }

    private static async Task WriteTextAsync(ZipArchive zip, string name, string text)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using var target = entry.Open();
        await target.WriteAsync(new UTF8Encoding(false).GetBytes(text));
    }

    private static string Readme(bool hasAccount) => string.Join("\n", new[]
    {
        "Сведения, которые Сферум хранит о человеке (ст. 14 152-ФЗ «О персональных данных»).",
        "",
        hasAccount ? "account.json    — учётная запись: ФИО, СНИЛС, почта и телефон, подтверждённые поставщиком входа, уровень учётной записи." : null,
        "roster.json     — записи из электронного журнала школы: ФИО, роль, дата рождения, СНИЛС, контакты, классы.",
        "consents.json   — согласия на обработку данных: принятый текст, когда дано и отозвано.",
        hasAccount ? "classes.json    — классы и роли в них." : null,
        hasAccount ? "chats.json      — чаты, участником которых является человек." : null,
        hasAccount ? "messages.json   — все сообщения, написанные человеком, с вложениями." : null,
        hasAccount ? "materials.json  — учебные материалы, добавленные человеком." : null,
        hasAccount ? "sessions.json   — входы в Сферум: устройство, адрес, время." : null,
        hasAccount ? "audit.json      — записи журнала действий, касающиеся человека (кто из сотрудников что сделал)." : null,
        hasAccount ? "files/          — исходные файлы, загруженные человеком (вложения, материалы, записи проведённых встреч)." : null,
        "",
        "Архив можно скачать один раз; после скачивания или через сутки он удаляется.",
    }.Where(l => l is not null)) + "\n";
}
