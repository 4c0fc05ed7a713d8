using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace HotelPlatform.Connectors.Cli.Commands.Onboard;

/// <summary>
/// The onboarding report as a PDF (PDFsharp, MIT; ADR 0038), with the same content as the Markdown one: title, summary,
/// the checks as a table, the configuration written. A4 portrait, text wrapped to the page, new pages as needed.
/// </summary>
internal static class OnboardingPdf
{
    private const double Margin = 48;
    private const string Family = "Liberation Sans";

    /// <summary>Writes <paramref name="report"/> to <paramref name="path"/>.</summary>
    public static void Write(OnboardingReport report, string path)
    {
        ReportFonts.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = report.Title;
        document.Info.Subject = $"hotelpms onboard: {report.HotelId} ({report.Vendor})";
        document.Info.Creator = "hotelpms onboard";
        var writer = new PageWriter(document);
        writer.Text(report.Title, new XFont(Family, 16, XFontStyleEx.Bold), 22);
        writer.Space(6);
        var label = new XFont(Family, 9, XFontStyleEx.Bold);
        var body = new XFont(Family, 9);
        foreach (var (name, text) in report.Summary)
        {
            writer.Text($"{name}: {Plain(text)}", body, 13, label, name.Length + 1);
        }

        writer.Space(10);
        writer.Text("Checks", new XFont(Family, 12, XFontStyleEx.Bold), 18);
        var small = new XFont(Family, 8);
        var smallBold = new XFont(Family, 8, XFontStyleEx.Bold);
        double[] columns = [150, 50, 255, 40];
        writer.Row(["Check", "Result", "Detail", "Time"], columns, smallBold, shaded: true);
        foreach (var check in report.Checks)
        {
            writer.Row([check.Name, check.Outcome.ToString(), check.Detail, string.Create(CultureInfo.InvariantCulture, $"{check.Duration.TotalMilliseconds:0} ms")], columns, small, shaded: false);
        }

        writer.Space(10);
        writer.Text("Configuration", new XFont(Family, 12, XFontStyleEx.Bold), 18);
        foreach (var paragraph in report.ConfigurationParagraphs)
        {
            writer.Text(Plain(paragraph), body, 13);
            writer.Space(4);
        }

        writer.Dispose();
        var temporary = path + ".tmp";
        document.Save(temporary);
        File.Move(temporary, path, overwrite: true);
    }

    private static string Plain(string markdown) => markdown.Replace("`", string.Empty, StringComparison.Ordinal);

    /// <summary>Draws lines and table rows top to bottom, starting a page when the current one is full.</summary>
    private sealed class PageWriter(PdfDocument document) : IDisposable
    {
        private PdfPage? _page;
        private XGraphics? _graphics;
        private double _y;

        private XGraphics Graphics => _graphics ?? NewPage();

        private double Width => (_page?.Width.Point ?? XUnit.FromMillimeter(210).Point) - (2 * Margin);

        public void Space(double points) => _y += points;

        // A paragraph, wrapped by words; the first `boldChars` characters in `bold` (a label).
        public void Text(string text, XFont font, double lineHeight, XFont? bold = null, int boldChars = 0)
        {
            var first = true;
            foreach (var line in Wrap(text, font, Width))
            {
                Ensure(lineHeight);
                if (first && bold is not null && boldChars > 0 && line.Length >= boldChars)
                {
                    var head = line[..boldChars];
                    Graphics.DrawString(head, bold, XBrushes.Black, new XPoint(Margin, _y + lineHeight - 4));
                    Graphics.DrawString(line[boldChars..], font, XBrushes.Black, new XPoint(Margin + Graphics.MeasureString(head, bold).Width, _y + lineHeight - 4));
                }
                else
                {
                    Graphics.DrawString(line, font, XBrushes.Black, new XPoint(Margin, _y + lineHeight - 4));
                }

                _y += lineHeight;
                first = false;
            }
        }

        public void Row(IReadOnlyList<string> cells, double[] widths, XFont font, bool shaded)
        {
            const double lineHeight = 10;
            var wrapped = cells.Select((cell, i) => Wrap(cell, font, widths[i] - 4)).ToList();
            var height = (wrapped.Max(w => w.Count) * lineHeight) + 4;
            Ensure(height);
            if (shaded)
            {
                Graphics.DrawRectangle(XBrushes.Gainsboro, Margin, _y, widths.Sum(), height);
            }

            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                for (var line = 0; line < wrapped[i].Count; line++)
                {
                    Graphics.DrawString(wrapped[i][line], font, XBrushes.Black, new XPoint(x + 2, _y + ((line + 1) * lineHeight)));
                }

                x += widths[i];
            }

            _y += height;
            Graphics.DrawLine(XPens.LightGray, Margin, _y, Margin + widths.Sum(), _y);
        }

        public void Dispose() => _graphics?.Dispose();

        private void Ensure(double height)
        {
            if (_graphics is null || _y + height > _page!.Height.Point - Margin)
            {
                NewPage();
            }
        }

        private XGraphics NewPage()
        {
            _graphics?.Dispose();
            _page = document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
            return _graphics;
        }

        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            var current = string.Empty;
            foreach (var word in text.ReplaceLineEndings(" ").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (current.Length > 0 && Measure(candidate, font) > width)
                {
                    lines.Add(current);
                    current = word;
                }
                else
                {
                    current = candidate;
                }
            }

            lines.Add(current);
            return lines;
        }

        private double Measure(string text, XFont font) => Graphics.MeasureString(text, font).Width;
    }
}

/// <summary>
/// Gives PDFsharp a sans-serif font from the machine's font folders (Liberation Sans, else DejaVu Sans, else Arial):
/// PDFsharp's core build resolves few fonts on Linux by itself. Installed only when the application set no resolver.
/// </summary>
internal sealed class ReportFonts : IFontResolver
{
    private static readonly string[] Folders =
    [
        "/usr/share/fonts", "/usr/local/share/fonts", Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fonts"),
        Environment.GetFolderPath(Environment.SpecialFolder.Fonts), "/Library/Fonts", "/System/Library/Fonts",
    ];

    // Regular and bold file names, most wanted first (Debian's fonts-liberation and fonts-dejavu-core, Windows' Arial).
    private static readonly (string Regular, string Bold)[] Faces =
    [
        ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
        ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
        ("arial.ttf", "arialbd.ttf"),
        ("Arial.ttf", "Arial Bold.ttf"),
    ];

    private static readonly Lock Gate = new();
    private static readonly Lazy<(string? Regular, string? Bold)> Found = new(Find);

    /// <summary>Installs the resolver unless the application has one.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is null)
            {
                if (Found.Value.Regular is null)
                {
                    throw new InvalidOperationException("No font for the PDF report: install fonts-liberation (or fonts-dejavu-core), or pass --report without --pdf.");
                }

                GlobalFontSettings.FontResolver = new ReportFonts();
            }
        }
    }

    /// <inheritdoc />
    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) => new(isBold ? "bold" : "regular");

    /// <inheritdoc />
    public byte[]? GetFont(string faceName)
    {
        var file = faceName == "bold" ? Found.Value.Bold ?? Found.Value.Regular : Found.Value.Regular;
        return file is null ? null : File.ReadAllBytes(file);
    }

    private static (string? Regular, string? Bold) Find()
    {
        var files = Folders.Where(f => !string.IsNullOrEmpty(f) && Directory.Exists(f))
            .SelectMany(f => Directory.EnumerateFiles(f, "*.ttf", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
            .ToLookup(Path.GetFileName, StringComparer.Ordinal);
        foreach (var (regular, bold) in Faces)
        {
            if (files[regular].FirstOrDefault() is { } found)
            {
                return (found, files[bold].FirstOrDefault());
            }
        }

        return (null, null);
    }
}
