using System.Globalization;

namespace Sferum.Common;

/// <summary>
/// A rule of the domain was broken (invalid input, not allowed). Thrown by grains, which are the last word on
/// authorization and invariants; the message is safe to show to the user and says which rule.
/// </summary>
/// <remarks>
/// The message is given as a composite format (<c>"Не больше {0} файлов."</c>) with its arguments, so the web layer can
/// show the same rule in the reader's language: it looks <see cref="Key"/> up in its error resources and formats the
/// text found with <see cref="Args"/>. <see cref="Exception.Message"/> stays the Russian text, for logs and for any
/// caller that has no resources.
/// </remarks>
[GenerateSerializer, Alias("Sferum.DomainException")]
public sealed class DomainException : Exception
{
    public DomainException(string code, string message, params object?[] args) : base(Format(message, args))
    {
        Code = code;
        Key = code;
        Args = args.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? "").ToArray(); // an array: a serializable type
    }

    /// <summary>Stable machine-readable reason, e.g. <c>identity.subject-missing</c>, <c>forbidden</c>.</summary>
    [Id(0)]
    public string Code { get; }

    /// <summary>
    /// The error resource that holds this message's text: the <see cref="Code"/> unless several messages share one
    /// code (every refusal is <c>forbidden</c>); null when the message is already in the reader's language.
    /// </summary>
    [Id(1)]
    public string? Key { get; init; }

    /// <summary>
    /// The message's arguments, formatted without a culture (numbers, already formatted dates, names) — strings, so
    /// that every silo and client can read them.
    /// </summary>
    [Id(2)]
    public IReadOnlyList<string> Args { get; }

    /// <summary>A refusal: 403 on a page or an API, and a text of its own under <paramref name="key"/>.</summary>
    public static DomainException Forbidden(string key, string message, params object?[] args) =>
        new("forbidden", message, args) { Key = key };

    /// <summary>A refusal the web layer words itself, already in the reader's language: shown as it is.</summary>
    public static DomainException Localized(string code, string message) => new(code, message) { Key = null };

    private static string Format(string message, object?[] args) =>
        args.Length == 0 ? message : string.Format(CultureInfo.InvariantCulture, message, args);
}
