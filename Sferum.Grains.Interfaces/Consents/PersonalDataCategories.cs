namespace Sferum.Consents;

/// <summary>
/// Every category of personal data Sferum keeps about a person, each with its one legal basis. The codes are stored
/// (consent texts, scheduled destructions), so they never change; docs/personal-data.md lists the same table.
/// </summary>
public static class PersonalDataCategories
{
    private const string Journal = "списки школы из электронного журнала";

    public static readonly PersonalDataCategory Name = new("name", "фамилия, имя, отчество", LegalBasis.Roster, Journal);
    public static readonly PersonalDataCategory ClassRole = new("class-role", "класс, роль в классе, связь родителя и ребёнка", LegalBasis.Roster, Journal);
    public static readonly PersonalDataCategory BirthDate = new("birth-date", "дата рождения", LegalBasis.Roster, Journal);
    public static readonly PersonalDataCategory Snils = new("snils", "СНИЛС", LegalBasis.Roster, Journal);
    public static readonly PersonalDataCategory RosterContacts = new("roster-contacts", "телефон и эл. почта из журнала", LegalBasis.Roster, Journal);
    public static readonly PersonalDataCategory Position = new("position", "должность", LegalBasis.Roster, Journal);

    public static readonly PersonalDataCategory Account = new("account",
        "учётная запись: ФИО, СНИЛС, подтверждённые Госуслугами эл. почта и телефон, уровень учётной записи", LegalBasis.SignIn, "вход через Госуслуги");

    public static readonly PersonalDataCategory InvitedMembership = new("invited-membership",
        "имя и роль в классе, куда человек вошёл по приглашению", LegalBasis.Invitation, "ссылка-приглашение учителя");

    public static readonly PersonalDataCategory ContactPhone = new("contact-phone",
        "номер мобильного телефона для учителей класса", LegalBasis.Consent, "указан самим человеком (родителем) в согласии");

    public static readonly PersonalDataCategory ProfilePhoto = new("profile-photo",
        "фотография профиля", LegalBasis.Consent, "загружена самим человеком (родителем) по согласию");

    public static IReadOnlyList<PersonalDataCategory> All { get; } =
        [Name, ClassRole, BirthDate, Snils, RosterContacts, Position, Account, InvitedMembership, ContactPhone, ProfilePhoto];

    public static PersonalDataCategory Get(string code) =>
        All.FirstOrDefault(c => c.Code == code) ?? throw new ArgumentException($"Unknown personal data category '{code}'.", nameof(code));
}
