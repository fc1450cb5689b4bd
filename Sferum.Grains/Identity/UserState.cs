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

    /// <summary>The authenticator secret once enrolment was confirmed with a code.</summary>
    [Id(11)] public byte[]? SecondFactorSecret { get; set; }

    /// <summary>A secret shown for enrolment and not yet confirmed.</summary>
    [Id(12)] public byte[]? PendingSecondFactorSecret { get; set; }

    /// <summary>The time step of the last accepted code: a code is good once.</summary>
    [Id(13)] public long LastSecondFactorStep { get; set; }

    /// <summary>Classes the last sign-in joined through the journal, until the home page has shown them.</summary>
    [Id(14)] public List<Guid> RecentlyJoinedClasses { get; set; } = [];

    /// <summary>Blocked by a platform operator: no sign-in, every session ended.</summary>
    [Id(15)] public bool Disabled { get; set; }

    /// <summary>The children's SNILS from the provider at the last sign-in (verified accounts only).</summary>
    [Id(16)] public List<string> ChildrenSnils { get; set; } = [];

    /// <summary>The person's data was destroyed (152-FZ): nothing else is kept, and no sign-in reaches this account again.</summary>
    [Id(17)] public bool Erased { get; set; }
}
