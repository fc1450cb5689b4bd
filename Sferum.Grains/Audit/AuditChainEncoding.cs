using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sferum.Audit;

/// <summary>
/// The canonical encoding of an audit entry and its hash, as <c>audit_entry_hash</c> and <c>audit_content_digest</c>
/// in migration 0930 compute them when the entry is written. Kept here as well so that verification does not trust any
/// function stored in the database it checks: each field as its UTF-8 byte length, ':' and the text ("~" for NULL),
/// '|'-separated after "sferum-audit-v2"; the time in microseconds since 1970; digests and the previous hash in
/// lower-case hex. Summary and details enter only through their salted digest, so that a redaction can change them.
/// </summary>
public static class AuditChainEncoding
{
    public static byte[] Hash(AuditChainRow row, byte[] contentDigest)
    {
        var text = new StringBuilder("sferum-audit-v2");
        Field(text, Number(row.Seq));
        Field(text, Number(row.Id));
        Field(text, Number((row.At.ToUniversalTime().Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond));
        Field(text, row.SchoolId?.ToString("D"));
        Field(text, row.ActorUserId?.ToString("D"));
        Field(text, row.ActorClient);
        Field(text, row.SubjectUserId?.ToString("D"));
        Field(text, row.ClientAddress);
        Field(text, row.Action);
        Field(text, Convert.ToHexStringLower(contentDigest));
        Field(text, row.PrevHash is null ? null : Convert.ToHexStringLower(row.PrevHash));
        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>SHA-256 of the salt (none for a redacted text) and "summary|details", each field encoded as above.</summary>
    public static byte[] ContentDigest(byte[]? salt, string summary, string details)
    {
        var text = new StringBuilder();
        Append(text, summary);
        text.Append('|');
        Append(text, details);
        return SHA256.HashData([.. salt ?? [], .. Encoding.UTF8.GetBytes(text.ToString())]);
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Field(StringBuilder text, string? value)
    {
        text.Append('|');
        Append(text, value);
    }

    private static void Append(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append('~');
            return;
        }

        text.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
    }
}
