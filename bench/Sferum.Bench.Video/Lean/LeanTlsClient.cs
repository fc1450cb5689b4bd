using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace Sferum.Bench.Video.Lean;

/// <summary>
/// The DTLS client side of DTLS-SRTP (RFC 5764): offers use_srtp with SRTP_AES128_CM_HMAC_SHA1_80 (the profile every
/// WebRTC stack has), presents the subscriber's certificate (Janus requires one) and accepts Janus's certificate
/// only if it matches the fingerprint in Janus's offer, as a browser does.
/// </summary>
public sealed class LeanTlsClient(BcTlsCrypto crypto, DtlsIdentity identity, string janusFingerprint) : DefaultTlsClient(crypto)
{
    private static readonly int[] Profiles = [SrtpProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80];

    private BcTlsCrypto BcCrypto => crypto;

    private DtlsIdentity Identity => identity;

    private string JanusFingerprint => janusFingerprint;

    private TlsClientContext Context => m_context;

    /// <summary>The profile Janus chose (null until the server's hello arrived).</summary>
    public int? SelectedProfile { get; private set; }

    protected override ProtocolVersion[] GetSupportedVersions() => ProtocolVersion.DTLSv12.DownTo(ProtocolVersion.DTLSv10);

    public override IDictionary<int, byte[]> GetClientExtensions()
    {
        var extensions = TlsExtensionsUtilities.EnsureExtensionsInitialised(base.GetClientExtensions());
        TlsSrtpUtilities.AddUseSrtpExtension(extensions, new UseSrtpData(Profiles, TlsUtilities.EmptyBytes));
        return extensions;
    }

    public override void ProcessServerExtensions(IDictionary<int, byte[]> serverExtensions)
    {
        base.ProcessServerExtensions(serverExtensions);
        var srtp = TlsSrtpUtilities.GetUseSrtpExtension(serverExtensions)
            ?? throw new TlsFatalAlert(AlertDescription.illegal_parameter); // DTLS without SRTP carries no media
        SelectedProfile = srtp.ProtectionProfiles.Single();
    }

    public override TlsAuthentication GetAuthentication() => new Authentication(this);

    private sealed class Authentication(LeanTlsClient client) : TlsAuthentication
    {
        public void NotifyServerCertificate(TlsServerCertificate serverCertificate)
        {
            var der = serverCertificate.Certificate.GetCertificateAt(0).GetEncoded();
            if (!string.Equals(DtlsIdentity.FingerprintOf(der), client.JanusFingerprint, StringComparison.OrdinalIgnoreCase))
            {
                throw new TlsFatalAlert(AlertDescription.bad_certificate);
            }
        }

        public TlsCredentials GetClientCredentials(CertificateRequest certificateRequest)
        {
            var chain = new Certificate([client.BcCrypto.CreateCertificate(client.Identity.Certificate)]);
            return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(client.Context), client.BcCrypto, client.Identity.PrivateKey, chain,
                new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
        }
    }
}
