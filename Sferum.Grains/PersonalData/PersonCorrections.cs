using System.Globalization;
using System.Net.Mail;
using Sferum.Common;

namespace Sferum.PersonalData;

/// <summary>Validates a correction, naming the field in the error, and turns the value into what the roster stores.</summary>
public static class PersonCorrections
{
    public static string Label(CorrectableField field) => CorrectableFields.Label(field);

    public static object? Normalize(PersonCorrection correction)
    {
        var value = correction.Value?.Trim() ?? "";
        var label = Label(correction.Field);
        if ((correction.Reason ?? "").Trim().Length is < 3 or > 500)
        {
            throw new DomainException("correction.reason-invalid", "Основание исправления: от 3 до 500 символов (например, «заявление от 01.12.2026»).");
        }

        switch (correction.Field)
        {
            case CorrectableField.LastName or CorrectableField.FirstName:
                return value.Length is >= 1 and <= 100 ? value : throw new DomainException("correction.value-invalid", "Поле «{0}»: от 1 до 100 символов.", label) { Key = "correction.name-invalid" };
            case CorrectableField.MiddleName:
                return value.Length == 0 ? null : value.Length <= 100 ? value : throw new DomainException("correction.value-invalid", "Поле «{0}»: до 100 символов (или пусто).", label) { Key = "correction.middle-name-invalid" };
            case CorrectableField.BirthDate:
                return DateOnly.TryParseExact(value, ["dd.MM.yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                       && date.Year > 1900 && date.ToDateTime(TimeOnly.MinValue) <= DateTime.UtcNow
                    ? date
                    : throw new DomainException("correction.value-invalid", "Поле «{0}»: в виде ДД.ММ.ГГГГ, не в будущем.", label) { Key = "correction.birth-date-invalid" };
            case CorrectableField.Email:
                return value.Length == 0 ? null
                    : MailAddress.TryCreate(value, out var mail) && mail.Address == value && value.Length <= 200 ? value.ToLowerInvariant()
                    : throw new DomainException("correction.value-invalid", "Поле «{0}»: адрес вида name@example.ru (или пусто).", label) { Key = "correction.email-invalid" };
            default:
                return value.Length == 0 ? null
                    : PhoneNumber.TryNormalize(value, out var phone) ? phone
                    : throw new DomainException("correction.value-invalid", "Поле «{0}»: российский номер, например +7 900 123-45-67 (или пусто).", label) { Key = "correction.phone-invalid" };
        }
    }
}
