namespace Sferum.Bench.Video.Lean;

/// <summary>
/// One m-section of Janus's offer: its kind ("audio", "video", "application"), mid, transport, formats, and the
/// attribute lines that describe those formats (rtpmap, fmtp, rtcp-fb), which the answer repeats to accept them.
/// </summary>
public sealed record OfferedMedia(string Kind, string Mid, string Protocol, IReadOnlyList<string> Formats, IReadOnlyList<string> FormatLines);
