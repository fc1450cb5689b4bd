namespace Sferum.Common;

/// <summary>
/// A rule of the domain was broken (invalid input, not allowed). Thrown by grains, which are the last word on
/// authorization and invariants; the message is safe to show to the user and says which rule.
/// </summary>
[GenerateSerializer, Alias("Sferum.DomainException")]
public sealed class DomainException : Exception
{
    public DomainException(string code, string message) : base(message) => Code = code;

    /// <summary>Stable machine-readable reason, e.g. <c>identity.subject-missing</c>, <c>forbidden</c>.</summary>
    [Id(0)]
    public string Code { get; }

    public static DomainException Forbidden(string message) => new("forbidden", message);
}
