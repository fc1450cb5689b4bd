using Sferum.Common;

namespace Sferum.Schools;

/// <summary>Rules for a school's name, region and time zone.</summary>
public static class SchoolDraftValidator
{
    public const int MaxNameLength = 200;

    public static SchoolDraft Normalize(SchoolDraft draft)
    {
        var name = draft.Name?.Trim() ?? "";
        var region = draft.Region?.Trim() ?? "";
        var timeZone = draft.TimeZone?.Trim() ?? "";
        if (name.Length == 0 || name.Length > MaxNameLength)
        {
            throw new DomainException("school.name-invalid", "Название школы обязательно и не длиннее {0} символов.", MaxNameLength);
        }

        if (region.Length == 0 || region.Length > MaxNameLength)
        {
            throw new DomainException("school.region-invalid", "Регион обязателен и не длиннее {0} символов.", MaxNameLength);
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            throw new DomainException("school.timezone-invalid", "Неизвестный часовой пояс «{0}» (ожидается, например, Europe/Moscow).", timeZone);
        }

        return new SchoolDraft(name, region, timeZone);
    }
}
