using System.Diagnostics;

namespace Sferum.Testing;

/// <summary>The text of a PDF as a reader sees it, by poppler's pdftotext (Debian's poppler-utils; .ci/run installs it).</summary>
public static class PdfTextExtractor
{
    public static async Task<string> TextAsync(byte[] pdf)
    {
        const string tool = "/usr/bin/pdftotext";
        if (!File.Exists(tool))
        {
            throw new InvalidOperationException("pdftotext is needed to read the acts (apt-get install poppler-utils)");
        }

        var file = Path.Combine(Path.GetTempPath(), $"sferum-act-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "-enc", "UTF-8", file, "-" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"pdftotext failed: {await process.StandardError.ReadToEndAsync()}");
            }

            // Lines are wrapped in the PDF: compare on single spaces.
            return string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
