namespace Sferum.Consents;

/// <summary>One page of the register, newest first, with the number of matching consents and the school's time zone.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.ConsentRegisterPage")]
public sealed record ConsentRegisterPage(
    [property: Id(0)] IReadOnlyList<ConsentRecord> Rows,
    [property: Id(1)] int Total,
    [property: Id(2)] string TimeZone);
