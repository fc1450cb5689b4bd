using Sferum.Chats;
using Sferum.Common;

namespace Sferum.Materials;

/// <summary>What a published item must be; each refusal names its rule.</summary>
public static class MaterialRules
{
    public static MaterialDraft Normalize(MaterialDraft draft, DateOnly today)
    {
        var clientId = draft.ClientId?.Trim() ?? "";
        if (clientId.Length is 0 or > 64)
        {
            throw new DomainException("material.client-id-invalid", "Нет идентификатора материала от приложения.");
        }

        var subject = draft.Subject?.Trim() ?? "";
        if (subject.Length is 0 or > 100)
        {
            throw new DomainException("material.subject-invalid", "Укажите предмет (до 100 символов).");
        }

        var title = draft.Title?.Trim() ?? "";
        if (title.Length is 0 or > 200)
        {
            throw new DomainException("material.title-invalid", "Укажите название (до 200 символов).");
        }

        if (draft.LessonDate < today.AddYears(-1) || draft.LessonDate > today.AddYears(1))
        {
            throw new DomainException("material.date-invalid", "Дата урока — в пределах года от сегодняшнего дня.");
        }

        if ((draft.File is null) == string.IsNullOrWhiteSpace(draft.Url))
        {
            throw new DomainException("material.content-invalid", "Прикрепите файл или укажите ссылку (что-то одно).");
        }

        if (draft.File is { } file)
        {
            var name = AttachmentRules.CleanName(file.FileName ?? "");
            var type = AttachmentRules.ContentTypeFor(name);
            if (file.Hash is not { Length: 64 } || !file.Hash.All(char.IsAsciiHexDigitLower) || name.Length == 0 || file.Size <= 0)
            {
                throw new DomainException("attachment.invalid", "Файл не загружен: попробуйте прикрепить его ещё раз.");
            }

            if (type is null)
            {
                throw new DomainException("attachment.type", "Файлы «{0}» публиковать нельзя.", Path.GetExtension(name)) { Key = "material.attachment-type" };
            }

            return draft with { ClientId = clientId, Subject = subject, Title = title, File = file with { FileName = name, ContentType = type }, Url = null };
        }

        var url = draft.Url!.Trim();
        if (url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            throw new DomainException("material.url-invalid", "Ссылка должна начинаться с https:// или http://.");
        }

        return draft with { ClientId = clientId, Subject = subject, Title = title, Url = uri.ToString() };
    }
}
