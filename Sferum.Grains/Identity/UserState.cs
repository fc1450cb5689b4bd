using Sferum.Identity;

namespace Sferum.Identity;

[GenerateSerializer, Alias("Sferum.UserState")]
public sealed class UserState
{
    [Id(0)] public bool Created { get; set; }
    [Id(1)] public string Provider { get; set; } = "";
    [Id(2)] public string Subject { get; set; } = "";
    [Id(3)] public PersonName Name { get; set; } = new("", "", null);
    [Id(4)] public string? Snils { get; set; }
    [Id(5)] public string? Email { get; set; }
    [Id(6)] public string? Phone { get; set; }
    [Id(7)] public TrustLevel Trust { get; set; }
    [Id(8)] public bool IsPlatformOperator { get; set; }
    [Id(9)] public DateTimeOffset CreatedAt { get; set; }
    [Id(10)] public DateTimeOffset LastSignInAt { get; set; }
}
