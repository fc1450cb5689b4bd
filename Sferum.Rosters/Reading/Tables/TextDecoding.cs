using System.Text;

namespace Sferum.Rosters.Reading.Tables;

/// <summary>
/// Journals export CSV in UTF-8 (with or without BOM) or in Windows-1251. Bytes that are valid UTF-8 are UTF-8;
/// otherwise Windows-1251, unless the bytes are not text at all (NUL bytes, control characters).
/// </summary>
public static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1251 => Encoding.GetEncoding(1251);

    /// <summary>The text and the encoding's name, or null when the bytes are not text in a known encoding.</summary>
    public static (string Text, string Encoding)? Decode(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
        {
            span = span[3..];
        }
        else if (span.StartsWith(new byte[] { 0xFF, 0xFE }) || span.StartsWith(new byte[] { 0xFE, 0xFF }))
        {
            var utf16 = Encoding.Unicode.GetString(span[2..]);
            return span[0] == 0xFF ? (utf16, "UTF-16") : (Encoding.BigEndianUnicode.GetString(span[2..]), "UTF-16");
        }

        if (!LooksLikeText(span))
        {
            return null;
        }

        try
        {
            return (StrictUtf8.GetString(span), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            return (Windows1251.GetString(span), "Windows-1251");
        }
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 64 * 1024)];
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return false;
            }

            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D))
            {
                control++;
            }
        }

        return control <= sample.Length / 100;
    }
}
