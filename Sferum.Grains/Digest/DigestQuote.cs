namespace Sferum.Digest;

public sealed record DigestQuote(string Author, string Text);
