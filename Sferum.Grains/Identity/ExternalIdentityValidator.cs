using Sferum.Common;

namespace Sferum.Identity;

/// <summary>Refuses an identity that lacks what Sferum needs, before anything is created.</summary>
public static class ExternalIdentityValidator
{
    public static void Validate(ExternalIdentity identity)
    {
        if (string.IsNullOrWhiteSpace(identity.Provider))
        {
            throw new DomainException("identity.provider-missing", "Не указан поставщик учётных записей.");
        }

        if (string.IsNullOrWhiteSpace(identity.Subject))
        {
            throw new DomainException("identity.subject-missing", "Поставщик учётных записей не передал идентификатор пользователя (sub).");
        }

        if (string.IsNullOrWhiteSpace(identity.Name.LastName) && string.IsNullOrWhiteSpace(identity.Name.FirstName))
        {
            throw new DomainException("identity.name-missing", "Поставщик учётных записей не передал имя пользователя.");
        }

        if (!string.IsNullOrWhiteSpace(identity.Snils) && !Snils.IsValid(identity.Snils))
        {
            throw new DomainException("identity.snils-invalid", "Поставщик учётных записей передал СНИЛС с неверной контрольной суммой.") { Key = "identity.provider-snils-invalid" };
        }
    }
}
