namespace Sferum.Bench.Video.Lean;

/// <summary>
/// What the lean subscriber needs from Janus's SDP offer: its ICE credentials and DTLS fingerprint (session or media
/// level) and the m-sections. Janus's candidates are not needed: an ICE-lite agent never sends checks, it only answers
/// those of the full agent (Janus, controlling since it made the offer).
/// </summary>
public sealed record JanusOffer(string IceUfrag, string IcePwd, string Fingerprint, IReadOnlyList<OfferedMedia> Media)
{
    public static JanusOffer Parse(string sdp)
    {
        string? ufrag = null, pwd = null, fingerprint = null;
        var media = new List<OfferedMedia>();
        (string Kind, string Protocol, List<string> Formats)? current = null;
        string? mid = null;
        var formatLines = new List<string>();

        void Close()
        {
            if (current is { } m)
            {
                media.Add(new OfferedMedia(m.Kind, mid ?? media.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Protocol, m.Formats, formatLines));
            }

            (mid, formatLines) = (null, []);
        }

        foreach (var raw in sdp.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("m=", StringComparison.Ordinal))
            {
                Close();
                var parts = line[2..].Split(' ');
                current = (parts[0], parts[2], parts.Skip(3).ToList());
            }
            else if (Value(line, "a=ice-ufrag:") is { } u)
            {
                ufrag ??= u;
            }
            else if (Value(line, "a=ice-pwd:") is { } p)
            {
                pwd ??= p;
            }
            else if (Value(line, "a=fingerprint:") is { } f)
            {
                fingerprint ??= f;
            }
            else if (Value(line, "a=mid:") is { } m)
            {
                mid = m;
            }
            else if (current is not null && (line.StartsWith("a=rtpmap:", StringComparison.Ordinal) || line.StartsWith("a=fmtp:", StringComparison.Ordinal)
                         || line.StartsWith("a=rtcp-fb:", StringComparison.Ordinal)))
            {
                formatLines.Add(line);
            }
        }

        Close();
        if (ufrag is null || pwd is null || fingerprint is null)
        {
            throw new FormatException("Janus's offer has no ICE credentials or no DTLS fingerprint.");
        }

        return new JanusOffer(ufrag, pwd, fingerprint, media);
    }

    private static string? Value(string line, string prefix) => line.StartsWith(prefix, StringComparison.Ordinal) ? line[prefix.Length..].Trim() : null;
}
