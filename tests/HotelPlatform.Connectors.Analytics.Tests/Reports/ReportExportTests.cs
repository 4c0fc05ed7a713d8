using System.Runtime.CompilerServices;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HotelPlatform.Connectors.Analytics.Reports;
using Microsoft.VisualBasic.FileIO;
using UglyToad.PdfPig;

namespace HotelPlatform.Connectors.Analytics.Tests.Reports;

public sealed class ReportExportTests
{
    private const int LargeRowCount = 200_000;

    private static readonly ReportColumn[] LargeColumns =
    [
        new("row", "Row", ReportColumnKind.Integer), new("label", "Label", ReportColumnKind.Text), new("share", "Share", ReportColumnKind.Ratio),
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(ReportFormat.Csv)]
    [InlineData(ReportFormat.Json)]
    [InlineData(ReportFormat.Xlsx)]
    public async Task A_large_export_reaches_the_destination_while_its_rows_are_still_being_read(ReportFormat format)
    {
        using var destination = new CountingStream();
        var probe = new LazyRows(destination);
        var report = new Report("large", "Large report", AnalyticsFilter.All, LargeColumns, probe.ReadAsync(LargeRowCount, Ct));

        long written = await ReportExport.WriteAsync(report, format, destination, Ct);

        // Had the export been held whole, nothing would have reached the destination before the last row was read.
        Assert.Equal(LargeRowCount, written);
        Assert.True(probe.ReceivedWhenLastRowWasRead > destination.Received * 0.9, $"{probe.ReceivedWhenLastRowWasRead} of {destination.Received} bytes had arrived when the last row was read.");
        Assert.Equal(LargeRowCount + 1, CountRowsBack(format, destination.Contents()));
    }

    [Fact]
    public async Task The_xlsx_export_reads_back_with_titles_numbers_and_ratios_as_percentages()
    {
        using var store = await SampleStore.CreateAsync(Ct);
        var report = ReportCatalog.CreateDefault().Open("outcomes", store, AnalyticsFilter.All);
        using var destination = new CountingStream();

        await ReportExport.WriteXlsxAsync(report, destination, Ct);

        using var document = SpreadsheetDocument.Open(destination.Contents(), isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single();
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().ToList();
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        Assert.Equal("Call outcomes", sheet.Name?.Value);
        Assert.Equal(["Outcome", "Calls", "Share of calls"], rows[0].Elements<Cell>().Select(c => c.InnerText));
        var completed = rows[1].Elements<Cell>().ToList();
        Assert.Equal(("completed", "2", "0.5"), (completed[0].InnerText, completed[1].CellValue!.Text, completed[2].CellValue!.Text));
        Assert.Equal(10u, formats[(int)completed[2].StyleIndex!.Value].NumberFormatId!.Value);
        Assert.Equal(4, rows.Count);
    }

    [Fact]
    public async Task The_pdf_export_has_the_title_the_chart_and_every_row_of_a_small_report()
    {
        using var store = await SampleStore.CreateAsync(Ct);
        var report = ReportCatalog.CreateDefault().Open("funnel", store, AnalyticsFilter.All);
        using var destination = new CountingStream();

        long listed = await ReportExport.WritePdfAsync(report, destination, Ct);

        using var pdf = PdfDocument.Open(destination.Contents());
        var page = pdf.GetPage(1);
        string text = string.Join(' ', page.GetWords().Select(w => w.Text));
        Assert.Equal(4, listed);
        Assert.Contains("Booking funnel", text, StringComparison.Ordinal);
        Assert.Contains("confirmation", text, StringComparison.Ordinal);
        Assert.Contains("4 rows.", text, StringComparison.Ordinal);
        Assert.Single(page.GetImages());
    }

    [Fact]
    public async Task A_pdf_of_a_large_report_lists_the_first_rows_and_says_the_other_formats_carry_the_rest()
    {
        using var destination = new CountingStream();
        var probe = new LazyRows(destination);
        var report = new Report("large", "Large report", AnalyticsFilter.All, LargeColumns, probe.ReadAsync(LargeRowCount, Ct));

        long listed = await ReportExport.WritePdfAsync(report, destination, Ct);

        using var pdf = PdfDocument.Open(destination.Contents());
        string first = string.Join(' ', pdf.GetPage(1).GetWords().Select(w => w.Text));
        string last = string.Join(' ', pdf.GetPage(pdf.NumberOfPages).GetWords().Select(w => w.Text));
        Assert.Equal(ReportExport.PdfMaxRows, listed);
        Assert.Equal(ReportExport.PdfMaxRows + 1, probe.Read); // one row more, to know there are more, and no further
        Assert.Contains("the CSV, JSON and XLSX exports carry them all", first, StringComparison.Ordinal);
        Assert.Contains("row-999", last, StringComparison.Ordinal);
        Assert.DoesNotContain("row-1000", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_built_in_report_exports_to_every_format_with_the_same_rows()
    {
        using var store = await SampleStore.CreateAsync(Ct);
        var settings = new AnalyticsReportSettings { Rates = GeneratedCalls.Rates, Sla = new SlaTargets { MinCompletionRate = 0.5, MaxPmsLatencyP95 = TimeSpan.FromSeconds(1) } };
        var catalog = ReportCatalog.Create(settings, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(SampleStore.Day.AddDays(1)));
        foreach (var source in catalog.Sources)
        {
            var report = catalog.Open(source.Name, store, AnalyticsFilter.All);
            var expected = await report.Rows.ToListAsync(Ct);
            var counts = new List<long>();
            foreach (var format in Enum.GetValues<ReportFormat>())
            {
                using var destination = new CountingStream();
                counts.Add(await ReportExport.WriteAsync(report, format, destination, Ct));
                if (format != ReportFormat.Pdf)
                {
                    Assert.Equal(expected.Count + 1, CountRowsBack(format, destination.Contents()));
                }
            }

            Assert.True(expected.Count > 0, source.Name);
            Assert.All(counts, c => Assert.Equal(expected.Count, c));
        }
    }

    [Fact]
    public async Task The_json_export_writes_numbers_as_numbers_and_absent_values_as_null()
    {
        using var store = await SampleStore.CreateAsync(Ct);
        var report = ReportCatalog.CreateDefault().Open("funnel", store, AnalyticsFilter.All);
        using var destination = new CountingStream();

        await ReportExport.WriteJsonAsync(report, destination, Ct);

        using var json = JsonDocument.Parse(destination.Contents());
        var search = json.RootElement[0];
        Assert.Equal(("search", 3L, 0.75), (search.GetProperty("stage").GetString(), search.GetProperty("calls").GetInt64(), search.GetProperty("share").GetDouble()));
        using var empty = new DuckDbConversationEventStore();
        using var none = new CountingStream();
        await ReportExport.WriteJsonAsync(ReportCatalog.CreateDefault().Open("funnel", empty, AnalyticsFilter.All), none, Ct);
        using var emptyJson = JsonDocument.Parse(none.Contents());
        Assert.Equal(JsonValueKind.Null, emptyJson.RootElement[0].GetProperty("share").ValueKind);
    }

    private static long CountRowsBack(ReportFormat format, Stream contents)
    {
        switch (format)
        {
            case ReportFormat.Csv:
                using (var parser = new TextFieldParser(contents) { Delimiters = [","], HasFieldsEnclosedInQuotes = true })
                {
                    long rows = 0;
                    while (parser.ReadFields() is not null)
                    {
                        rows++;
                    }

                    return rows;
                }

            case ReportFormat.Json:
                using (var json = JsonDocument.Parse(contents))
                {
                    return json.RootElement.GetArrayLength() + 1;
                }

            case ReportFormat.Xlsx:
                using (var document = SpreadsheetDocument.Open(contents, isEditable: false))
                {
                    var sheet = document.WorkbookPart!.WorksheetParts.Single();
                    using var reader = OpenXmlReader.Create(sheet);
                    long rows = 0;
                    while (reader.Read())
                    {
                        rows += reader.ElementType == typeof(Row) && reader.IsStartElement ? 1 : 0;
                    }

                    return rows;
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(format));
        }
    }

    /// <summary>Rows made one at a time, noting how many bytes had reached the destination when the last was read.</summary>
    private sealed class LazyRows(CountingStream destination)
    {
        public long ReceivedWhenLastRowWasRead { get; private set; }

        public int Read { get; private set; }

        public async IAsyncEnumerable<IReadOnlyList<object?>> ReadAsync(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            for (int i = 0; i < count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Read++;
                ReceivedWhenLastRowWasRead = destination.Received;
                yield return [(long)i, $"row-{i}, \"quoted\"", (i % 100) / 100.0];
                if (i % 10_000 == 0)
                {
                    await Task.Yield();
                }
            }
        }
    }
}
