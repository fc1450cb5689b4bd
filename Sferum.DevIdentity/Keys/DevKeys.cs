using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Sferum.DevIdentity.Keys;

/// <summary>
/// Signing (RSA) and encryption (AES) keys kept as files, so that tokens, codes and the portal's sessions survive a
/// restart of the provider. Created on first start.
/// </summary>
public sealed record DevKeys(RsaSecurityKey Signing, SymmetricSecurityKey Encryption)
{
    public static DevKeys LoadOrCreate(string folder)
    {
        Directory.CreateDirectory(folder);
        var signingPath = Path.Combine(folder, "signing.pem");
        var rsa = RSA.Create();
        if (File.Exists(signingPath))
        {
            rsa.ImportFromPem(File.ReadAllText(signingPath));
        }
        else
        {
            rsa = RSA.Create(2048);
            WriteSecret(signingPath, rsa.ExportRSAPrivateKeyPem());
        }

        var encryptionPath = Path.Combine(folder, "encryption.key");
        byte[] aes;
        if (File.Exists(encryptionPath))
        {
            aes = Convert.FromBase64String(File.ReadAllText(encryptionPath).Trim());
        }
        else
        {
            aes = RandomNumberGenerator.GetBytes(32);
            WriteSecret(encryptionPath, Convert.ToBase64String(aes));
        }

        // A stable key id lets relying parties keep their cached key set across restarts.
        var kid = Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportRSAPublicKey()))[..16];
        return new DevKeys(new RsaSecurityKey(rsa) { KeyId = kid }, new SymmetricSecurityKey(aes));
    }

    private static void WriteSecret(string path, string content)
    {
        File.WriteAllText(path, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
