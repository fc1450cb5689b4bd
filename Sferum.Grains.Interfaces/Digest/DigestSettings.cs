namespace Sferum.Digest;

/// <summary>
/// A person's e-mail digest as their profile shows it. <see cref="EveryHours"/> 0 means once a day at
/// <see cref="SendHour"/> (the school's time zone). <see cref="FromSchoolDefault"/>: the person chose nothing and the
/// school's default for parents applies. <see cref="Address"/> is the account's verified e-mail (null: no digest can be sent).
/// <see cref="Sending"/>: this deployment has e-mail configured (<c>Sferum:Digest:Enabled</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.DigestSettings")]
public sealed record DigestSettings(
    [property: Id(0)] bool Enabled,
    [property: Id(1)] int EveryHours,
    [property: Id(2)] int SendHour,
    [property: Id(3)] bool FromSchoolDefault,
    [property: Id(4)] string? Address,
    [property: Id(5)] DateTimeOffset? NextDueAt,
    [property: Id(6)] DateTimeOffset? LastSentAt,
    [property: Id(7)] bool Sending);
