using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Sferum.Bench.Video.Lean;

/// <summary>
/// A self-signed ECDSA P-256 certificate, as a browser makes for its peer connections; the answer carries its SHA-256
/// fingerprint and Janus checks the certificate of the DTLS handshake against it. One is shared by all lean
/// subscribers of a run: Janus's work per handshake is the same whoever holds the key.
/// </summary>
public sealed class DtlsIdentity
{
    private DtlsIdentity(AsymmetricKeyParameter privateKey, byte[] certificate)
    {
        PrivateKey = privateKey;
        Certificate = certificate;
        Fingerprint = FingerprintOf(certificate);
    }

    public AsymmetricKeyParameter PrivateKey { get; }

    /// <summary>DER.</summary>
    public byte[] Certificate { get; }

    /// <summary>As SDP writes it: "sha-256 AB:CD:…".</summary>
    public string Fingerprint { get; }

    public static string FingerprintOf(byte[] der) => "sha-256 " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(der)).Chunk(2)
        .Select(pair => new string(pair)).Aggregate((a, b) => a + ":" + b);

    public static DtlsIdentity Create()
    {
        var random = new SecureRandom();
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Org.BouncyCastle.Asn1.X9.X9ObjectIdentifiers.Prime256v1, random));
        var keys = generator.GenerateKeyPair();
        var name = new X509Name("CN=sferum-lean-subscriber");
        var certificate = new X509V3CertificateGenerator();
        certificate.SetSerialNumber(BigInteger.ProbablePrime(64, random));
        certificate.SetIssuerDN(name);
        certificate.SetSubjectDN(name);
        certificate.SetNotBefore(DateTime.UtcNow.AddDays(-1));
        certificate.SetNotAfter(DateTime.UtcNow.AddDays(30));
        certificate.SetPublicKey(keys.Public);
        var signed = certificate.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", keys.Private, random));
        return new DtlsIdentity(keys.Private, signed.GetEncoded());
    }
}
