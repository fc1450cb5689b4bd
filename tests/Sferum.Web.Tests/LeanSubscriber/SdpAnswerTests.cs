using System.Net;
using Sferum.Bench.Video.Lean;

namespace Sferum.Web.Tests.LeanSubscriber;

/// <summary>The lean subscriber's answer to a VideoRoom subscriber offer of the shape Janus 1.1 sends.</summary>
public sealed class SdpAnswerTests
{
    private const string Offer =
        "v=0\r\no=- 1 1 IN IP4 10.213.0.1\r\ns=VideoRoom 1\r\nt=0 0\r\na=group:BUNDLE 0 1 2\r\na=ice-options:trickle\r\n" +
        "a=fingerprint:sha-256 AA:BB:CC\r\na=msid-semantic: WMS *\r\n" +
        "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 10.213.0.1\r\na=sendonly\r\na=mid:0\r\na=rtcp-mux\r\na=ice-ufrag:JnUs\r\na=ice-pwd:janus-password\r\n" +
        "a=setup:actpass\r\na=rtpmap:111 opus/48000/2\r\na=fmtp:111 useinbandfec=1\r\na=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid\r\na=ssrc:1 cname:janus\r\n" +
        "m=video 9 UDP/TLS/RTP/SAVPF 96 97\r\nc=IN IP4 10.213.0.1\r\na=sendonly\r\na=mid:1\r\na=rtcp-mux\r\na=ice-ufrag:JnUs\r\na=ice-pwd:janus-password\r\n" +
        "a=setup:actpass\r\na=rtpmap:96 VP8/90000\r\na=rtcp-fb:96 nack pli\r\na=rtpmap:97 rtx/90000\r\na=fmtp:97 apt=96\r\n" +
        "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 10.213.0.1\r\na=mid:2\r\na=sctp-port:5000\r\n";

    [Fact]
    public void The_offer_gives_janus_credentials_fingerprint_and_sections()
    {
        var offer = JanusOffer.Parse(Offer);
        Assert.Equal(("JnUs", "janus-password", "sha-256 AA:BB:CC"), (offer.IceUfrag, offer.IcePwd, offer.Fingerprint));
        Assert.Equal(["audio:0", "video:1", "application:2"], offer.Media.Select(m => $"{m.Kind}:{m.Mid}"));
        Assert.Equal(["96", "97"], offer.Media[1].Formats);
        Assert.Equal(4, offer.Media[1].FormatLines.Count);
    }

    [Fact]
    public void The_answer_is_ice_lite_dtls_client_recvonly_with_the_offered_codecs_and_rejects_the_data_channel()
    {
        var answer = SdpAnswer.Write(JanusOffer.Parse(Offer), new IPEndPoint(IPAddress.Parse("10.213.0.1"), 40000), "lean", "lean-password", "sha-256 11:22");
        var lines = answer.Split("\r\n");

        Assert.Contains("a=ice-lite", lines);
        Assert.Contains("a=group:BUNDLE 0 1", lines);
        Assert.Contains("m=audio 40000 UDP/TLS/RTP/SAVPF 111", lines);
        Assert.Contains("m=video 40000 UDP/TLS/RTP/SAVPF 96 97", lines);
        Assert.Contains("m=application 0 UDP/DTLS/SCTP webrtc-datachannel", lines);
        Assert.Equal(2, lines.Count(l => l == "a=recvonly"));
        Assert.Equal(2, lines.Count(l => l == "a=setup:active"));
        Assert.Equal(2, lines.Count(l => l == "a=ice-ufrag:lean"));
        Assert.Equal(2, lines.Count(l => l == "a=fingerprint:sha-256 11:22"));
        Assert.Contains("a=fmtp:97 apt=96", lines);
        Assert.Contains("a=rtcp-fb:96 nack pli", lines);
        Assert.Single(lines, l => l == "a=candidate:1 1 udp 2130706431 10.213.0.1 40000 typ host");
        Assert.DoesNotContain(lines, l => l.StartsWith("a=extmap", StringComparison.Ordinal) || l.StartsWith("a=ssrc", StringComparison.Ordinal));
    }
}
