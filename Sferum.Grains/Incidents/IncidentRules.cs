using Sferum.Common;

namespace Sferum.Incidents;

/// <summary>What an incident's facts must look like; each refusal names the field as the form labels it.</summary>
public static class IncidentRules
{
    public static string Description(string? value) => Text(value, 10, 4000,
        new DomainException("incident.description-invalid", "Что произошло: опишите инцидент (от 10 до 4000 символов)."));

    public static string DataSubjects(string? value) => Text(value, 3, 1000,
        new DomainException("incident.subjects-invalid", "Чьи данные: укажите, чьи данные затронуты (от 3 до 1000 символов)."));

    public static int? PeopleCount(int? value) => value is null or (>= 1 and <= 10_000_000)
        ? value
        : throw new DomainException("incident.count-invalid", "Сколько человек: целое число от 1 или пусто, если пока неизвестно.");

    public static string Optional(string? value, string field) => Text(value, 0, 4000,
        new DomainException("incident.text-too-long", "{0}: не длиннее 4000 символов.", field));

    public static DateTimeOffset DetectedAt(DateTimeOffset value, DateTimeOffset now)
    {
        if (value > now.AddMinutes(5))
        {
            throw new DomainException("incident.detected-future", "Когда выявлен: не может быть позже текущего времени.");
        }

        return value < now.AddYears(-1)
            ? throw new DomainException("incident.detected-too-old", "Когда выявлен: не раньше чем год назад.")
            : value;
    }

    public static DateTimeOffset SentAt(DateTimeOffset value, DateTimeOffset now, DateTimeOffset detectedAt)
    {
        if (value > now.AddMinutes(5))
        {
            throw new DomainException("incident.sent-future", "Когда отправлено: не может быть позже текущего времени.");
        }

        return value < detectedAt.AddMinutes(-1)
            ? throw new DomainException("incident.sent-before-detection", "Когда отправлено: не раньше, чем инцидент выявлен.")
            : value;
    }

    public static string Note(string? value) => Text(value, 3, 2000,
        new DomainException("incident.note-invalid", "Итог: опишите от 3 до 2000 символов."));

    // The refusal is made by the caller, where its code and text are literals (the error resources' test reads them there).
    private static string Text(string? value, int min, int max, DomainException refusal)
    {
        var text = value?.Trim() ?? "";
        return text.Length < min || text.Length > max ? throw refusal : text;
    }
}
