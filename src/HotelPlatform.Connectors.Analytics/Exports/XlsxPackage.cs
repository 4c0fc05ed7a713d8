using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HotelPlatform.Connectors.Analytics.Reports;

/// <summary>
/// The fixed parts of a one-sheet workbook, written straight into a forward-only ZIP. The Open XML SDK's package layer
/// (System.IO.Packaging) cannot write to a write-only container, and its read-write mode keeps every part uncompressed in
/// memory until it closes, so the export writes the package's few small parts itself (content types and relationships
/// per ECMA-376 part 2; workbook and styles from the SDK's own classes) and streams the sheet with
/// <see cref="OpenXmlWriter"/>.
/// </summary>
internal static class XlsxPackage
{
    public const string SheetPath = "xl/worksheets/sheet1.xml";

    public const uint PercentStyle = 1;

    public const uint HeaderStyle = 2;

    private const string SpreadsheetMl = "application/vnd.openxmlformats-officedocument.spreadsheetml";

    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static void WriteFixedParts(ZipArchive zip, string title)
    {
        WriteText(zip, "[Content_Types].xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="{SpreadsheetMl}.sheet.main+xml"/><Override PartName="/{SheetPath}" ContentType="{SpreadsheetMl}.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="{SpreadsheetMl}.styles+xml"/></Types>
            """);
        WriteText(zip, "_rels/.rels", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{Relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        WriteText(zip, "xl/_rels/workbook.xml.rels", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{Relationships}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{Relationships}/styles" Target="styles.xml"/></Relationships>
            """);
        WritePart(zip, "xl/workbook.xml", new Workbook(new Sheets(new Sheet { Id = "rId1", SheetId = 1, Name = SheetName(title) })));
        WritePart(zip, "xl/styles.xml", new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 10, ApplyNumberFormat = true }, // built-in 0.00%
                new CellFormat { FontId = 1, ApplyFont = true })));
    }

    // Excel's sheet names: at most 31 characters, none of : \ / ? * [ ].
    private static string SheetName(string title)
    {
        var name = new string([.. title.Select(c => ":\\/?*[]".Contains(c, StringComparison.Ordinal) ? ' ' : c)]).Trim();
        return name.Length == 0 ? "Report" : name[..Math.Min(31, name.Length)];
    }

    private static void WritePart(ZipArchive zip, string path, OpenXmlPartRootElement root)
    {
        using var stream = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        root.Save(stream);
    }

    private static void WriteText(ZipArchive zip, string path, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(path, CompressionLevel.Fastest).Open());
        writer.Write(text);
    }
}
