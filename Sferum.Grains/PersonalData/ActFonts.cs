using PdfSharp.Fonts;

namespace Sferum.PersonalData;

/// <summary>
/// PDFsharp finds fonts only through a resolver (there is no system font lookup on Linux): this one serves the configured
/// TrueType files (DejaVu Sans by default: Cyrillic, free to embed), which every PDF then embeds as a subset.
/// </summary>
public sealed class ActFonts : IFontResolver
{
    public const string Family = "Sferum Act";
    private static readonly Lock Gate = new();
    private static ActFonts? installed;
    private readonly byte[] regular;
    private readonly byte[] bold;

    private ActFonts(PersonalDataOptions options)
    {
        if (!File.Exists(options.FontFile))
        {
            throw new InvalidOperationException(
                $"Sferum:PersonalData:FontFile: no font at {options.FontFile} (a TrueType font with Cyrillic, e.g. Debian's fonts-dejavu-core).");
        }

        regular = File.ReadAllBytes(options.FontFile);
        bold = File.Exists(options.BoldFontFile) ? File.ReadAllBytes(options.BoldFontFile) : regular;
    }

    /// <summary>Installs the resolver once per process (PDFsharp's setting is global).</summary>
    public static void Install(PersonalDataOptions options)
    {
        lock (Gate)
        {
            if (installed is null)
            {
                installed = new ActFonts(options);
                GlobalFontSettings.FontResolver = installed;
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? "act-bold" : "act-regular");

    public byte[]? GetFont(string faceName) => faceName == "act-bold" ? bold : regular;
}
