namespace Sferum.Consents;

/// <summary>
/// A filter on a school's consent register: a purpose, in force or withdrawn (null: both), part of the name of the
/// person who consented or for whom, and the page.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.ConsentRegisterQuery")]
public sealed record ConsentRegisterQuery(
    [property: Id(0)] string? Purpose = null,
    [property: Id(1)] bool? InForce = null,
    [property: Id(2)] string? Name = null,
    [property: Id(3)] int Page = 1,
    [property: Id(4)] int PageSize = 50);
