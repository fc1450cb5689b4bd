namespace Sferum.DevIdentity.Users;

/// <summary>
/// One person of the users file, as ESIA would describe them. The password is plain text on purpose: this provider
/// exists for development and tests only. <see cref="Children"/> are the SNILS of the person's children, as ESIA's
/// <c>kid_*</c> scopes would give them.
/// </summary>
public sealed record DevUser(
    string Subject,
    string Login,
    string Password,
    string LastName,
    string FirstName,
    string? MiddleName,
    string? Snils,
    string? Email,
    bool EmailVerified,
    string? Phone,
    bool PhoneVerified,
    string Trust,
    string? BirthDate,
    IReadOnlyList<string>? Children = null)
{
    public string FullName => string.Join(' ', new[] { LastName, FirstName, MiddleName }.Where(p => !string.IsNullOrWhiteSpace(p)));
}
