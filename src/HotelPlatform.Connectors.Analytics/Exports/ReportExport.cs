using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace HotelPlatform.Connectors.Analytics.Reports;

/// <summary>The file formats every report exports to.</summary>
public enum ReportFormat
{
    /// <summary>CSV (CsvHelper): one header row of column names, invariant values.</summary>
    Csv = 0,

    /// <summary>JSON: one array of objects keyed by column name, numbers as numbers.</summary>
    Json,

    /// <summary>XLSX (Open XML SDK, written SAX-style): one sheet, a header row of titles, numbers as numbers, ratios as percentages.</summary>
    Xlsx,

    /// <summary>PDF (PDFsharp) with the report's chart (ScottPlot) and its first <see cref="ReportExport.PdfMaxRows"/> rows.</summary>
    Pdf,
}

/// <summary>
/// Writes any <see cref="Report"/> to a stream while its rows are read: CSV, JSON and XLSX hold at most
/// <see cref="FlushEvery"/> rows' worth of output before handing it to the destination, whatever the report's size. A PDF
/// is for reading: it carries the chart and the first <see cref="PdfMaxRows"/> rows and says so when there are more (the
/// other formats carry them all), so it too is bounded.
/// </summary>
public static class ReportExport
{
    /// <summary>Rows written between hand-overs to the destination.</summary>
    public const int FlushEvery = 1000;

    /// <summary>The most rows a PDF lists.</summary>
    public const int PdfMaxRows = 1000;

    private const int ExcelMaxCellText = 32767;

    /// <summary>Gets the media type of a format.</summary>
    /// <param name="format">The format.</param>
    /// <returns>The media type.</returns>
    public static string ContentType(ReportFormat format) => format switch
    {
        ReportFormat.Csv => "text/csv; charset=utf-8",
        ReportFormat.Json => "application/json; charset=utf-8",
        ReportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ReportFormat.Pdf => "application/pdf",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>Gets the file name an export of the report is saved under.</summary>
    /// <param name="report">The report.</param>
    /// <param name="format">The format.</param>
    /// <returns>The name, such as <c>funnel.xlsx</c>.</returns>
    public static string FileName(Report report, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Name + "." + format.ToString().ToLowerInvariant();
    }

    /// <summary>Writes the report in a format.</summary>
    /// <param name="report">The report.</param>
    /// <param name="format">The format.</param>
    /// <param name="destination">The stream (need not be seekable); left open.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The number of rows written.</returns>
    public static Task<long> WriteAsync(Report report, ReportFormat format, Stream destination, CancellationToken cancellationToken = default) => format switch
    {
        ReportFormat.Csv => WriteCsvAsync(report, destination, cancellationToken),
        ReportFormat.Json => WriteJsonAsync(report, destination, cancellationToken),
        ReportFormat.Xlsx => WriteXlsxAsync(report, destination, cancellationToken),
        ReportFormat.Pdf => WritePdfAsync(report, destination, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>Writes the report as CSV.</summary>
    /// <param name="report">The report.</param>
    /// <param name="destination">The stream; left open.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The number of rows written.</returns>
    public static async Task<long> WriteCsvAsync(Report report, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        var csv = CsvWriter.Create(destination, CsvWriterOptions.Default, leaveOpen: true);
        await using (csv.ConfigureAwait(false))
        {
            await csv.WriteRecordAsync(report.Columns.Select(c => c.Name).ToArray(), cancellationToken).ConfigureAwait(false);
            long count = 0;
            await foreach (var row in report.Rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                // WriteRecordAsync hands its buffer to the stream whenever it is mostly full.
                await csv.WriteRecordAsync(row.Select(ReportValues.Invariant).ToArray(), cancellationToken).ConfigureAwait(false);
                count++;
            }

            await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
            return count;
        }
    }

    /// <summary>Writes the report as one JSON array of objects keyed by column name (absent values are <c>null</c>).</summary>
    /// <param name="report">The report.</param>
    /// <param name="destination">The stream; left open.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The number of rows written.</returns>
    public static async Task<long> WriteJsonAsync(Report report, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        return await WriteJsonArrayAsync(report.Rows, destination, (json, row) =>
        {
            for (int i = 0; i < report.Columns.Count; i++)
            {
                json.WritePropertyName(report.Columns[i].Name);
                WriteJsonValue(json, row[i]);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes one JSON array with an object per item as the items are read, flushed every <see cref="FlushEvery"/> items.</summary>
    internal static async Task<long> WriteJsonArrayAsync<T>(IAsyncEnumerable<T> items, Stream destination, Action<Utf8JsonWriter, T> writeProperties, CancellationToken cancellationToken)
    {
        var json = new Utf8JsonWriter(destination);
        await using (json.ConfigureAwait(false))
        {
            json.WriteStartArray();
            long count = 0;
            await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                json.WriteStartObject();
                writeProperties(json, item);
                json.WriteEndObject();
                if (++count % FlushEvery == 0)
                {
                    await json.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            json.WriteEndArray();
            await json.FlushAsync(cancellationToken).ConfigureAwait(false);
            return count;
        }
    }

    /// <summary>
    /// Writes the report as an XLSX workbook of one sheet, row by row with the Open XML SDK's SAX-style
    /// <see cref="OpenXmlWriter"/>, inline strings (no shared-string table to hold), into a ZIP written forward only.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="destination">The stream; left open.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The number of rows written.</returns>
    public static async Task<long> WriteXlsxAsync(Report report, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        using var spool = new SpoolStream();
        long count = 0;
        using (var zip = new ZipArchive(spool, ZipArchiveMode.Create, leaveOpen: true))
        {
            XlsxPackage.WriteFixedParts(zip, report.Title);
            using (var entry = zip.CreateEntry(XlsxPackage.SheetPath, CompressionLevel.Fastest).Open())
            using (var writer = OpenXmlWriter.Create(entry))
            {
                writer.WriteStartDocument();
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                writer.WriteStartElement(new Row());
                foreach (var column in report.Columns)
                {
                    writer.WriteElement(TextCell(column.Title, XlsxPackage.HeaderStyle));
                }

                writer.WriteEndElement();
                await foreach (var row in report.Rows.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    writer.WriteStartElement(new Row());
                    for (int i = 0; i < report.Columns.Count; i++)
                    {
                        writer.WriteElement(XlsxCell(row[i], report.Columns[i].Kind));
                    }

                    writer.WriteEndElement();
                    if (++count % FlushEvery == 0)
                    {
                        await spool.DrainToAsync(destination, cancellationToken).ConfigureAwait(false);
                    }
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }
        }

        await spool.DrainToAsync(destination, cancellationToken).ConfigureAwait(false);
        return count;
    }

    /// <summary>Writes the report as a PDF: title, covered calls, the chart (if any) and a table of its first <see cref="PdfMaxRows"/> rows.</summary>
    /// <param name="report">The report.</param>
    /// <param name="destination">The stream; left open.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The number of rows listed.</returns>
    public static async Task<long> WritePdfAsync(Report report, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        var rows = new List<IReadOnlyList<object?>>();
        bool more = false;
        await foreach (var row in report.Rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (rows.Count == PdfMaxRows)
            {
                more = true;
                break;
            }

            rows.Add(row);
        }

        using var spool = new SpoolStream();
        using (var document = PdfReportWriter.Write(report, rows, more))
        {
            document.Save(spool, closeStream: false);
        }

        await spool.DrainToAsync(destination, cancellationToken).ConfigureAwait(false);
        return rows.Count;
    }

    private static void WriteJsonValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case long count:
                json.WriteNumberValue(count);
                break;
            case double number when double.IsFinite(number):
                json.WriteNumberValue(number);
                break;
            case decimal amount:
                json.WriteNumberValue(amount);
                break;
            default:
                json.WriteStringValue(ReportValues.Invariant(value));
                break;
        }
    }

    private static Cell XlsxCell(object? value, ReportColumnKind kind) => value switch
    {
        null => new Cell(),
        long count => new Cell { CellValue = new CellValue((double)count), DataType = CellValues.Number },
        double number when double.IsFinite(number) => new Cell
        {
            CellValue = new CellValue(number),
            DataType = CellValues.Number,
            StyleIndex = kind == ReportColumnKind.Ratio ? XlsxPackage.PercentStyle : null,
        },
        decimal amount => new Cell { CellValue = new CellValue(amount), DataType = CellValues.Number },
        _ => TextCell(ReportValues.Invariant(value) ?? string.Empty, null),
    };

    private static Cell TextCell(string text, uint? style) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text.Length > ExcelMaxCellText ? text[..ExcelMaxCellText] : text) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = style,
    };

    private static class PdfReportWriter
    {
        private const double Margin = 36;
        private const double RowHeight = 11;
        private const string FontFamily = "Arial";

        public static PdfDocument Write(Report report, IReadOnlyList<IReadOnlyList<object?>> rows, bool more)
        {
            SystemFontResolver.EnsureInstalled();
            var document = new PdfDocument();
            document.Info.Title = report.Title;
            var title = new XFont(FontFamily, 16, XFontStyleEx.Bold);
            var small = new XFont(FontFamily, 8);
            var header = new XFont(FontFamily, 7, XFontStyleEx.Bold);
            var cell = new XFont(FontFamily, 7);

            var page = NewPage(document);
            var gfx = XGraphics.FromPdfPage(page);
            double y = Margin;
            gfx.DrawString(report.Title, title, XBrushes.Black, new XPoint(Margin, y + 14));
            y += 24;
            gfx.DrawString(Describe(report.Filter, rows.Count, more), small, XBrushes.DimGray, new XPoint(Margin, y + 8));
            y += 18;
            double width = page.Width.Point - (2 * Margin);
            if (report.Chart is not null && rows.Count > 0)
            {
                double height = width * 0.4;
                using var png = new MemoryStream(ReportChartRenderer.RenderPng(report, rows, 1200, 480));
                using var image = XImage.FromStream(png);
                gfx.DrawImage(image, Margin, y, width, height);
                y += height + 12;
            }

            var widths = ColumnWidths(report, width);
            y = DrawHeader(gfx, report, widths, header, y);
            foreach (var row in rows)
            {
                if (y + RowHeight > page.Height.Point - Margin)
                {
                    gfx.Dispose();
                    page = NewPage(document);
                    gfx = XGraphics.FromPdfPage(page);
                    y = DrawHeader(gfx, report, widths, header, Margin);
                }

                double x = Margin;
                for (int i = 0; i < report.Columns.Count; i++)
                {
                    gfx.DrawString(Fit(ReportValues.Display(row[i], report.Columns[i].Kind), widths[i], cell.Size), cell, XBrushes.Black, new XPoint(x + 2, y + 8));
                    x += widths[i];
                }

                y += RowHeight;
            }

            gfx.Dispose();
            return document;
        }

        private static PdfPage NewPage(PdfDocument document)
        {
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            page.Orientation = PdfSharp.PageOrientation.Landscape;
            return page;
        }

        private static double DrawHeader(XGraphics gfx, Report report, double[] widths, XFont font, double y)
        {
            double x = Margin;
            gfx.DrawRectangle(XBrushes.Gainsboro, Margin, y, widths.Sum(), RowHeight);
            for (int i = 0; i < report.Columns.Count; i++)
            {
                gfx.DrawString(Fit(report.Columns[i].Title, widths[i], font.Size), font, XBrushes.Black, new XPoint(x + 2, y + 8));
                x += widths[i];
            }

            return y + RowHeight + 2;
        }

        // Free text gets three shares of the width, everything else one.
        private static double[] ColumnWidths(Report report, double width)
        {
            var shares = report.Columns.Select(c => c.Kind == ReportColumnKind.Text ? 3.0 : c.Kind == ReportColumnKind.Timestamp ? 2.0 : 1.0).ToArray();
            double total = shares.Sum();
            return [.. shares.Select(s => width * s / total)];
        }

        // An average glyph is about half the font size wide; cut what would spill into the next column.
        private static string Fit(string text, double width, double fontSize)
        {
            int max = Math.Max(1, (int)((width - 4) / (fontSize * 0.5)));
            return text.Length <= max ? text : text[..Math.Max(0, max - 1)] + "…";
        }

        private static string Describe(AnalyticsFilter filter, int listed, bool more)
        {
            string hotel = filter.HotelId ?? "all hotels";
            string from = filter.From?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "the first call";
            string to = filter.To?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "now";
            string rows = more
                ? $"First {listed.ToString(CultureInfo.InvariantCulture)} rows; the CSV, JSON and XLSX exports carry them all."
                : $"{listed.ToString(CultureInfo.InvariantCulture)} rows.";
            return $"Calls of {hotel} started from {from} to {to} (UTC). {rows}";
        }
    }
}
