using System.Net;
using System.Text;
using Sferum.Bench.Video.Lean;

namespace Sferum.Web.Tests.LeanSubscriber;

/// <summary>The video bench's ICE-lite answerer: STUN read and written as RFC 5389 and RFC 5769's test vectors say.</summary>
public sealed class StunTests
{
    // The Binding request of RFC 5769 §2.1 (SOFTWARE, PRIORITY, ICE-CONTROLLED, USERNAME "evtj:h6vY"), with its
    // MESSAGE-INTEGRITY and FINGERPRINT computed by an independent implementation — Python's hmac (SHA-1, keyed with
    // the RFC's password) and zlib.crc32 — because the copy of the RFC's bytes first used here did not verify with either.
    private static readonly byte[] Rfc5769Request = Convert.FromHexString(
        "000100582112a442b7e7a701bc34d686fa87dfae802200105354554e207465737420766563746f72" +
        "002400046e0001ff80290008932ff9b151263b36000600096576746a3a6836765920202000080014" +
        "f35a80a6f1a6120af59457ce8c507348d0aadcd180280004b0c2f593");

    [Fact]
    public void Crc32_gives_the_standard_check_value()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void The_rfc_5769_request_is_verified_with_its_password_and_refused_with_another()
    {
        var (check, refusal) = StunCheck.Read(Rfc5769Request, "evtj", Encoding.ASCII.GetBytes("VOkJxbRl1RmTxUk/WvJxBt"));
        Assert.Null(refusal);
        Assert.Equal("evtj:h6vY", check!.Username);
        Assert.False(check.UseCandidate);
        Assert.Equal(Convert.FromHexString("b7e7a701bc34d686fa87dfae"), check.TransactionId);

        Assert.Equal("wrong MESSAGE-INTEGRITY", StunCheck.Read(Rfc5769Request, "evtj", Encoding.ASCII.GetBytes("not the password")).Refusal);
        Assert.Equal("USERNAME is not ours", StunCheck.Read(Rfc5769Request, "h6vY", Encoding.ASCII.GetBytes("VOkJxbRl1RmTxUk/WvJxBt")).Refusal);
    }

    [Fact]
    public void A_nominating_check_written_here_reads_back_and_a_changed_byte_is_caught()
    {
        var key = Encoding.ASCII.GetBytes("our-ice-password-24chars");
        var transaction = Enumerable.Range(1, 12).Select(i => (byte)i).ToArray();
        var request = new StunWriter(StunAttribute.BindingRequest, transaction)
            .Add(StunAttribute.Username, Encoding.ASCII.GetBytes("lean:janus")) // 10 bytes: padded to 12
            .Add(StunAttribute.Priority, [0x6e, 0, 1, 0xff])
            .Add(StunAttribute.IceControlling, new byte[8])
            .Add(StunAttribute.UseCandidate, [])
            .ToBytes(key, fingerprint: true);

        var (check, refusal) = StunCheck.Read(request, "lean", key);
        Assert.Null(refusal);
        Assert.True(check!.UseCandidate);
        Assert.True(check.Controlling);

        var changed = (byte[])request.Clone();
        changed[^1] ^= 1; // the FINGERPRINT's last byte
        Assert.Equal("wrong FINGERPRINT", StunCheck.Read(changed, "lean", key).Refusal);
        Assert.Equal("no MESSAGE-INTEGRITY", StunCheck.Read(new StunWriter(StunAttribute.BindingRequest, transaction)
            .Add(StunAttribute.Username, Encoding.ASCII.GetBytes("lean:janus")).ToBytes(null, fingerprint: true), "lean", key).Refusal);
    }

    [Fact]
    public void The_success_response_carries_the_xor_mapped_address_of_rfc_5769()
    {
        var response = new StunWriter(StunAttribute.BindingSuccess, new byte[12]).AddXorMappedAddress(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 32853))
            .ToBytes(Encoding.ASCII.GetBytes("pwd"), fingerprint: true);

        Assert.Equal(StunAttribute.BindingSuccess, StunCheck.TypeOf(response));
        Assert.Equal(Convert.FromHexString("002000080001a147e112a643"), response[20..32]); // RFC 5769 §2.2's XOR-MAPPED-ADDRESS
        Assert.Equal(response.Length - 20, (response[2] << 8) | response[3]);
        Assert.Equal(20 + 12 + 24 + 8, response.Length);
    }
}
