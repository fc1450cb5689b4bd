using Sferum.Common;
using Sferum.Identity;

namespace Sferum.Consents;

/// <summary>
/// The rules of giving a consent, apart from storage so they read (and test) alone: who may give one for whom, what a
/// form must carry, and what the school's operator details must be. Messages name the field they are about.
/// </summary>
public static class ConsentRules
{
    public const string OperatorMissing =
        "Школа ещё не указала своё полное наименование и адрес как оператор персональных данных, а без них согласие оформить нельзя. Обратитесь к администратору школы.";

    /// <summary>Why this consent cannot be given now, or null. A minor's consent is their parent's to give, an adult's their own.</summary>
    public static string? CannotGive(ConsentPerson person, bool isSelf, DateOnly today) => (isSelf, person.IsMinorOn(today)) switch
    {
        (true, true) => "Ученикам младше 18 лет согласие даёт родитель в своём профиле; отозвать согласие можно и самому.",
        (false, false) => "Ученику уже исполнилось 18 лет: согласие он даёт сам в своём профиле.",
        _ => null,
    };

    /// <summary>The data the consent covers, checked: category code → value. Refuses a form without the tick.</summary>
    public static IReadOnlyDictionary<string, string> Data(ConsentText text, ConsentGrant grant)
    {
        if (!grant.Accepted)
        {
            throw new DomainException("consent.not-accepted",
                "«Я прочитал(а) текст и даю согласие»: поставьте отметку — без неё согласие не оформляется.");
        }

        var data = new Dictionary<string, string>();
        if (text.Categories.Contains(PersonalDataCategories.ContactPhone.Code))
        {
            data[PersonalDataCategories.ContactPhone.Code] = PhoneNumber.TryNormalize(grant.Phone, out var phone)
                ? phone
                : throw new DomainException("consent.phone-invalid",
                    "Номер телефона: укажите российский мобильный номер из 10 цифр после +7, например +7 900 123-45-67.");
        }

        return data;
    }

    /// <summary>The number to offer in the form: the one Госуслуги vouched for, else the journal's.</summary>
    public static string? SuggestedPhone(ConsentPerson person, UserProfile? account) =>
        account?.Phone ?? person.Entries.Select(e => e.Phone).FirstOrDefault(p => p is not null);
}
