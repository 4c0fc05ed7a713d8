using PdfSharp.Fonts;
using SkiaSharp;

namespace HotelPlatform.Connectors.Analytics.Reports;

/// <summary>
/// Gives PDFsharp the machine's fonts through SkiaSharp's font manager (fontconfig on Linux, DirectWrite on Windows) —
/// the same fonts the charts are drawn with. PDFsharp's core build finds few fonts on Linux by itself; it is installed
/// only when the application has set no <see cref="GlobalFontSettings.FontResolver"/> of its own.
/// </summary>
internal sealed class SystemFontResolver : IFontResolver
{
    private static readonly string[] SansSerifFamilies = ["Liberation Sans", "DejaVu Sans", "Arial", "Helvetica", "Segoe UI", "Noto Sans"];
    private static readonly Lock Gate = new();
    private static bool _installed;

    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (!_installed)
            {
                GlobalFontSettings.FontResolver ??= new SystemFontResolver();
                _installed = true;
            }
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new($"{familyName}|{(isBold ? "b" : string.Empty)}{(isItalic ? "i" : string.Empty)}");

    public byte[]? GetFont(string faceName)
    {
        int bar = faceName.LastIndexOf('|');
        string family = faceName[..bar];
        string style = faceName[(bar + 1)..];
        var skiaStyle = new SKFontStyle(
            style.Contains('b', StringComparison.Ordinal) ? SKFontStyleWeight.Bold : SKFontStyleWeight.Normal,
            SKFontStyleWidth.Normal,
            style.Contains('i', StringComparison.Ordinal) ? SKFontStyleSlant.Italic : SKFontStyleSlant.Upright);
        // Skia matches family names exactly (no fontconfig aliases): the family asked for, else a common sans-serif.
        foreach (string candidate in (string[])[family, .. SansSerifFamilies])
        {
            using var typeface = SKFontManager.Default.MatchFamily(candidate, skiaStyle);
            using var asset = typeface?.OpenStream();
            if (asset is { Length: > 0 })
            {
                var data = new byte[asset.Length];
                if (asset.Read(data, data.Length) == data.Length)
                {
                    return data;
                }
            }
        }

        return null;
    }
}
