using Sferum.Identity;

namespace Sferum.Consents;

/// <summary>
/// What Sferum holds about a person in one school and on which basis, and, when a consent is withdrawn, which of its
/// data another basis still covers (so that it is not destroyed, and the screen can say why).
/// </summary>
public static class LegalBases
{
    public static IReadOnlyList<DataBasis> For(ConsentPerson person, UserProfile? account, IEnumerable<(string Category, string ConsentTitle)> consented)
    {
        var bases = new List<DataBasis>();
        var entries = person.Entries;
        if (entries.Count > 0)
        {
            Add(PersonalDataCategories.Name);
            Add(PersonalDataCategories.ClassRole);
            AddIf(entries.Any(e => e.BirthDate is not null), PersonalDataCategories.BirthDate);
            AddIf(entries.Any(e => e.HasSnils), PersonalDataCategories.Snils);
            AddIf(entries.Any(e => e.Phone is not null || e.HasEmail), PersonalDataCategories.RosterContacts);
            AddIf(entries.Any(e => e.HasPosition), PersonalDataCategories.Position);
        }

        AddIf(person.Invited, PersonalDataCategories.InvitedMembership);
        AddIf(account is not null, PersonalDataCategories.Account);
        foreach (var (category, title) in consented)
        {
            var c = PersonalDataCategories.Get(category);
            bases.Add(new DataBasis(c.Code, c.Label, c.Basis, $"согласие «{title}»"));
        }

        return bases;

        void Add(PersonalDataCategory c) => bases.Add(new DataBasis(c.Code, c.Label, c.Basis, Explain(c.Basis)));

        void AddIf(bool held, PersonalDataCategory c)
        {
            if (held)
            {
                Add(c);
            }
        }
    }

    /// <summary>
    /// The basis under which a consent's data stays once the consent is withdrawn, or null: then it is destroyed. A
    /// phone number stays when the journal lists the same number for the person, or Госуслуги vouched for it.
    /// </summary>
    public static string? Remaining(string category, string? value, ConsentPerson? person, UserProfile? account)
    {
        if (category != PersonalDataCategories.ContactPhone.Code || value is null)
        {
            return null;
        }

        if (person is not null && person.Entries.Any(e => e.Phone == value))
        {
            return "номер есть в списках школы из электронного журнала — школа хранит его как оператор по закону об образовании";
        }

        return account?.Phone is { } phone && Common.PhoneNumber.TryNormalize(phone, out var normalized) && normalized == value
            ? "номер подтверждён Госуслугами и хранится в учётной записи для входа в Сферум"
            : null;
    }

    public static string Explain(LegalBasis basis) => basis switch
    {
        LegalBasis.Roster => "списки школы из электронного журнала: школа обрабатывает их как оператор по закону об образовании, согласие не нужно",
        LegalBasis.SignIn => "вход через Госуслуги: нужно, чтобы узнать человека и найти его в списках школы",
        LegalBasis.Invitation => "вход в класс по ссылке-приглашению учителя",
        _ => "согласие на обработку персональных данных",
    };
}
