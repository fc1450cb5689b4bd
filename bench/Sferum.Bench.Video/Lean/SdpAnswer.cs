using System.Globalization;
using System.Net;
using System.Text;

namespace Sferum.Bench.Video.Lean;

/// <summary>
/// Writes the lean subscriber's answer: ICE-lite with its own ufrag and password and its one host candidate, DTLS
/// client (setup:active) with the fingerprint of its certificate, every offered audio and video section accepted as
/// recvonly with all the offered formats (the formats cost nothing: nothing is decoded), all of them bundled on one
/// port with rtcp-mux; anything else (a data channel) is rejected with port 0.
/// </summary>
public static class SdpAnswer
{
    public static string Write(JanusOffer offer, IPEndPoint local, string ufrag, string pwd, string fingerprint)
    {
        var ip = local.Address.ToString();
        var accepted = offer.Media.Where(m => m.Kind is "audio" or "video").ToList();
        var sdp = new StringBuilder();
        void Line(string text) => sdp.Append(text).Append("\r\n");

        Line("v=0");
        Line($"o=- {Random.Shared.NextInt64(1, long.MaxValue)} 2 IN IP4 {ip}");
        Line("s=-");
        Line("t=0 0");
        Line("a=ice-lite");
        Line("a=group:BUNDLE " + string.Join(' ', accepted.Select(m => m.Mid)));
        Line("a=msid-semantic: WMS");
        var first = true;
        foreach (var media in offer.Media)
        {
            if (media.Kind is not ("audio" or "video"))
            {
                Line($"m={media.Kind} 0 {media.Protocol} {string.Join(' ', media.Formats)}");
                Line("c=IN IP4 0.0.0.0");
                Line($"a=mid:{media.Mid}");
                continue;
            }

            Line($"m={media.Kind} {local.Port.ToString(CultureInfo.InvariantCulture)} {media.Protocol} {string.Join(' ', media.Formats)}");
            Line($"c=IN IP4 {ip}");
            Line($"a=ice-ufrag:{ufrag}");
            Line($"a=ice-pwd:{pwd}");
            Line($"a=fingerprint:{fingerprint}");
            Line("a=setup:active");
            Line($"a=mid:{media.Mid}");
            Line("a=recvonly");
            Line("a=rtcp-mux");
            foreach (var format in media.FormatLines)
            {
                Line(format);
            }

            if (first)
            {
                // One candidate for the whole bundle; an ICE-lite agent only has host candidates (RFC 8445 §2.5).
                Line($"a=candidate:1 1 udp 2130706431 {ip} {local.Port.ToString(CultureInfo.InvariantCulture)} typ host");
                first = false;
            }

            Line("a=end-of-candidates");
        }

        return sdp.ToString();
    }
}
