using Sferum.Common;

namespace Sferum.PersonalData;

/// <summary>
/// What the school's operator details must be: a legal name and a postal address for consents and acts, the responsible
/// official by name and position, and the optional texts within bounds. Messages name the field they are about.
/// </summary>
public static class OperatorRules
{
    public const int MaxText = 1000;

    public static OperatorDetails Validate(OperatorDetails details)
    {
        var name = Clean(details.LegalName);
        if (name.Length is < 3 or > 300)
        {
            throw new DomainException("consent.operator-name-invalid",
                "Полное наименование школы: от 3 до 300 символов, как в уставе (например, ГБОУ «Школа № 7»).");
        }

        var address = Clean(details.Address);
        if (address.Length is < 10 or > 500)
        {
            throw new DomainException("consent.operator-address-invalid",
                "Адрес школы: от 10 до 500 символов — почтовый адрес, по которому принимают заявления.");
        }

        var responsible = Clean(details.ResponsibleName);
        if (responsible.Length is < 3 or > 200)
        {
            throw new DomainException("operator.responsible-invalid",
                "Ответственный за организацию обработки персональных данных: фамилия и инициалы, от 3 до 200 символов.");
        }

        var position = Clean(details.ResponsiblePosition);
        if (position.Length is < 2 or > 200)
        {
            throw new DomainException("operator.position-invalid", "Должность ответственного: от 2 до 200 символов.");
        }

        var (processors, retention) = (Clean(details.Processors), Clean(details.Retention));
        if (processors.Length > MaxText || retention.Length > MaxText)
        {
            throw new DomainException("operator.details-too-long",
                $"Обработчики по поручению школы и сроки хранения: каждое поле — не длиннее {MaxText} символов.");
        }

        return new OperatorDetails(name, address, responsible, position, processors, retention);
    }

    private static string Clean(string? value) => value?.Trim() ?? "";
}
