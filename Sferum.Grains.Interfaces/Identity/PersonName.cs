namespace Sferum.Identity;

/// <summary>A person's name in the Russian order: surname, given name, patronymic (optional).</summary>
[GenerateSerializer, Immutable, Alias("Sferum.PersonName")]
public sealed record PersonName(
    [property: Id(0)] string LastName,
    [property: Id(1)] string FirstName,
    [property: Id(2)] string? MiddleName)
{
    public string FullName => string.Join(' ', new[] { LastName, FirstName, MiddleName }.Where(p => !string.IsNullOrWhiteSpace(p)));

    /// <summary>"Мария Иванова": how others see the person in chats.</summary>
    public string DisplayName => string.Join(' ', new[] { FirstName, LastName }.Where(p => !string.IsNullOrWhiteSpace(p)));
}
