using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Sferum.PersonalData;

/// <summary>
/// A plain A4 text document: headings, labelled lines and paragraphs, wrapped at word boundaries and continued on new
/// pages. Enough for an act; no layout engine needed.
/// </summary>
public sealed class PdfText : IDisposable
{
    private const double Margin = 56, LineGap = 3;
    private readonly PdfDocument document = new();
    private readonly XFont body = new(ActFonts.Family, 10.5, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
    private readonly XFont strong = new(ActFonts.Family, 10.5, XFontStyleEx.Bold, new XPdfFontOptions(PdfFontEncoding.Unicode));
    private readonly XFont title = new(ActFonts.Family, 14, XFontStyleEx.Bold, new XPdfFontOptions(PdfFontEncoding.Unicode));
    private XGraphics? page;
    private double y;

    public PdfText(string documentTitle)
    {
        document.Info.Title = documentTitle;
        document.Info.Creator = "Сферум";
        NewPage();
    }

    private double Width => document.Pages[^1].Width.Point - 2 * Margin;

    public void Title(string text)
    {
        Write(text, title, centered: true);
        y += 8;
    }

    public void Paragraph(string text)
    {
        Write(text, body, centered: false);
        y += 4;
    }

    /// <summary>"Label: value" with the label in bold, the value wrapped after it.</summary>
    public void Field(string label, string value)
    {
        Write(label, strong, centered: false);
        Write(value, body, centered: false, indent: 14);
        y += 4;
    }

    public byte[] ToBytes()
    {
        page?.Dispose();
        page = null;
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        page?.Dispose();
        document.Dispose();
    }

    private void Write(string text, XFont font, bool centered, double indent = 0)
    {
        foreach (var paragraph in text.Split('\n'))
        {
            foreach (var line in Wrap(paragraph, font, Width - indent))
            {
                var height = font.GetHeight() + LineGap;
                if (y + height > document.Pages[^1].Height.Point - Margin)
                {
                    NewPage();
                }

                var format = centered ? XStringFormats.TopCenter : XStringFormats.TopLeft;
                page!.DrawString(line, font, XBrushes.Black, new XRect(Margin + indent, y, Width - indent, height), format);
                y += height;
            }
        }
    }

    private IEnumerable<string> Wrap(string text, XFont font, double width)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && page!.MeasureString(candidate, font).Width > width)
            {
                yield return line;
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        yield return line;
    }

    private void NewPage()
    {
        page?.Dispose();
        var p = document.AddPage();
        p.Size = PdfSharp.PageSize.A4;
        page = XGraphics.FromPdfPage(p);
        y = Margin;
    }
}
