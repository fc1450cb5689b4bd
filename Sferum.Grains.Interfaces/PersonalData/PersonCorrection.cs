namespace Sferum.PersonalData;

/// <summary>An admin's correction of one field of a roster record, with the reason (e.g. «заявление от 01.12.2026»).</summary>
[GenerateSerializer, Immutable, Alias("Sferum.PersonCorrection")]
public sealed record PersonCorrection(
    [property: Id(0)] CorrectableField Field,
    [property: Id(1)] string? Value,
    [property: Id(2)] string Reason);

/// <summary>The fields' names as the pages and the audit log say them.</summary>
public static class CorrectableFields
{
    public static string Label(CorrectableField field) => field switch
    {
        CorrectableField.LastName => "фамилия",
        CorrectableField.FirstName => "имя",
        CorrectableField.MiddleName => "отчество",
        CorrectableField.BirthDate => "дата рождения",
        CorrectableField.Email => "электронная почта",
        _ => "телефон",
    };
}

/// <summary>The roster record's fields an admin may correct (the provider's own data is corrected at the provider).</summary>
[GenerateSerializer, Alias("Sferum.CorrectableField")]
public enum CorrectableField
{
    LastName = 0,
    FirstName = 1,
    MiddleName = 2,
    BirthDate = 3,
    Email = 4,
    Phone = 5,
}
