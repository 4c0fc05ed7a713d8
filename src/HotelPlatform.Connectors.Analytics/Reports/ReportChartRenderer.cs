using ScottPlot;

namespace HotelPlatform.Connectors.Analytics.Reports;

/// <summary>
/// Draws a report's chart with ScottPlot, as PNG (for the PDF export) or SVG (for the dashboard, rendered on the server so
/// the page needs no script library). Charts show at most <see cref="MaxPoints"/> rows: a chart is for reading at a glance.
/// </summary>
public static class ReportChartRenderer
{
    /// <summary>The most rows a chart draws; the rest are in the table and the exports.</summary>
    public const int MaxPoints = 400;

    /// <summary>Draws the chart as PNG.</summary>
    /// <param name="report">The report (its <see cref="Report.Chart"/> must be set).</param>
    /// <param name="rows">The rows to draw (at most <see cref="MaxPoints"/> are used).</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <returns>The PNG bytes.</returns>
    public static byte[] RenderPng(Report report, IReadOnlyList<IReadOnlyList<object?>> rows, int width, int height) =>
        Build(report, rows).GetImageBytes(width, height, ImageFormat.Png);

    /// <summary>Draws the chart as an SVG document.</summary>
    /// <param name="report">The report (its <see cref="Report.Chart"/> must be set).</param>
    /// <param name="rows">The rows to draw (at most <see cref="MaxPoints"/> are used).</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <returns>The SVG markup.</returns>
    public static string RenderSvg(Report report, IReadOnlyList<IReadOnlyList<object?>> rows, int width, int height) =>
        Build(report, rows).GetSvgXml(width, height);

    /// <summary>Reads the rows a chart draws (the first <see cref="MaxPoints"/>), leaving the rest unread.</summary>
    /// <param name="report">The report.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows.</returns>
    public static async Task<IReadOnlyList<IReadOnlyList<object?>>> ReadChartRowsAsync(Report report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = new List<IReadOnlyList<object?>>();
        await foreach (var row in report.Rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
            if (rows.Count == MaxPoints)
            {
                break;
            }
        }

        return rows;
    }

    private static Plot Build(Report report, IReadOnlyList<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(rows);
        var chart = report.Chart ?? throw new ArgumentException($"The report '{report.Name}' has no chart.", nameof(report));
        var points = rows.Take(MaxPoints).ToList();
        int category = report.ColumnIndex(chart.CategoryColumn);
        var series = chart.ValueColumns.Select(report.ColumnIndex).ToList();

        var plot = new Plot();
        plot.Title(report.Title);
        plot.YLabel(chart.ValueAxisTitle ?? string.Empty);
        var labels = points.Select(r => ReportValues.Display(r[category], report.Columns[category].Kind)).ToArray();
        if (chart.Kind == ReportChartKind.Bar)
        {
            double width = 0.8 / series.Count;
            for (int s = 0; s < series.Count; s++)
            {
                var color = plot.Add.GetNextColor();
                var bars = points.Select((r, i) => new Bar
                {
                    Position = i - 0.4 + (width * (s + 0.5)),
                    Value = ReportValues.Number(r[series[s]]) ?? 0,
                    Size = width * 0.95,
                    FillColor = color,
                }).ToList();
                plot.Add.Bars(bars);
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = report.Columns[series[s]].Title, FillColor = color });
            }

            plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, labels.Length).Select(i => (double)i)], labels);
        }
        else
        {
            double[] xs = [.. Enumerable.Range(0, points.Count).Select(i => (double)i)];
            foreach (int column in series)
            {
                var line = plot.Add.Scatter(xs, [.. points.Select(r => ReportValues.Number(r[column]) ?? 0)]);
                line.LegendText = report.Columns[column].Title;
            }

            // Every label on a long range would overlap: about five, evenly spaced (a day label is ten characters).
            int step = Math.Max(1, (int)Math.Ceiling(labels.Length / 5.0));
            var ticks = Enumerable.Range(0, labels.Length).Where(i => i % step == 0).ToArray();
            plot.Axes.Bottom.SetTicks([.. ticks.Select(i => (double)i)], [.. ticks.Select(i => labels[i])]);
        }

        if (series.Count > 1)
        {
            plot.ShowLegend(Alignment.UpperRight);
        }

        plot.Axes.Margins(bottom: 0);
        return plot;
    }
}
