namespace Sferum.Consents;

/// <summary>One published version of a consent text (table <c>consent_texts</c>): a template and its SHA-256.</summary>
public sealed record ConsentText(string Purpose, int Version, string Title, IReadOnlyList<string> Categories, string Body, byte[] Sha256);
