namespace HotelPlatform.Connectors.Analytics.Reports;

/// <summary>How a report column's values are typed, so each export writes them natively (numbers as numbers in JSON and XLSX).</summary>
public enum ReportColumnKind
{
    /// <summary>Text (<see cref="string"/>).</summary>
    Text = 0,

    /// <summary>A count (<see cref="long"/>).</summary>
    Integer,

    /// <summary>A measured number (<see cref="double"/> or <see cref="decimal"/>).</summary>
    Number,

    /// <summary>A share in [0, 1] (<see cref="double"/>); shown as a percentage where formatted for reading.</summary>
    Ratio,

    /// <summary>A point in time (<see cref="DateTimeOffset"/>), written in ISO 8601 UTC.</summary>
    Timestamp,

    /// <summary>A calendar day (<see cref="DateOnly"/>), written as <c>yyyy-MM-dd</c>.</summary>
    Date,
}

/// <summary>One column of a report.</summary>
/// <param name="Name">The machine name: the CSV header, the JSON property.</param>
/// <param name="Title">The heading a reader sees (XLSX, PDF, dashboard).</param>
/// <param name="Kind">How its values are typed.</param>
public sealed record ReportColumn(string Name, string Title, ReportColumnKind Kind);

/// <summary>The kind of chart a report is drawn as.</summary>
public enum ReportChartKind
{
    /// <summary>One bar per row, labelled by the category column.</summary>
    Bar = 0,

    /// <summary>One line per value column over the rows, in order (a trend).</summary>
    Line,
}

/// <summary>How to draw a report: which column labels the rows and which columns are plotted.</summary>
/// <param name="Kind">Bars or lines.</param>
/// <param name="CategoryColumn">The column naming each point (a stage, an intent, a day).</param>
/// <param name="ValueColumns">The numeric columns plotted, one series each.</param>
/// <param name="ValueAxisTitle">The value axis' title, or <see langword="null"/>.</param>
public sealed record ReportChart(ReportChartKind Kind, string CategoryColumn, IReadOnlyList<string> ValueColumns, string? ValueAxisTitle = null);

/// <summary>
/// A named report ready to be read or exported: its columns, its rows streamed from the store (each enumeration runs the
/// query again and yields one row at a time, so exports never hold the report whole) and, optionally, a chart.
/// </summary>
public sealed class Report
{
    /// <summary>Creates a report.</summary>
    /// <param name="name">The report's machine name (used in file names and URLs).</param>
    /// <param name="title">The report's title.</param>
    /// <param name="filter">The calls it covers.</param>
    /// <param name="columns">Its columns.</param>
    /// <param name="rows">Its rows; each row holds one value per column, in column order (<see langword="null"/> where absent).</param>
    /// <param name="chart">How to draw it, or <see langword="null"/> for a table only.</param>
    public Report(string name, string title, AnalyticsFilter filter, IReadOnlyList<ReportColumn> columns, IAsyncEnumerable<IReadOnlyList<object?>> rows, ReportChart? chart = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        if (columns.Count == 0)
        {
            throw new ArgumentException("A report needs at least one column.", nameof(columns));
        }

        if (chart is not null)
        {
            foreach (string column in chart.ValueColumns.Prepend(chart.CategoryColumn))
            {
                if (!columns.Any(c => string.Equals(c.Name, column, StringComparison.Ordinal)))
                {
                    throw new ArgumentException($"The chart names the column '{column}', which the report does not have.", nameof(chart));
                }
            }
        }

        Name = name;
        Title = title;
        Filter = filter;
        Columns = columns;
        Rows = rows;
        Chart = chart;
    }

    /// <summary>Gets the report's machine name.</summary>
    public string Name { get; }

    /// <summary>Gets the report's title.</summary>
    public string Title { get; }

    /// <summary>Gets the calls it covers.</summary>
    public AnalyticsFilter Filter { get; }

    /// <summary>Gets its columns.</summary>
    public IReadOnlyList<ReportColumn> Columns { get; }

    /// <summary>Gets its rows, streamed.</summary>
    public IAsyncEnumerable<IReadOnlyList<object?>> Rows { get; }

    /// <summary>Gets how to draw it, or <see langword="null"/>.</summary>
    public ReportChart? Chart { get; }

    /// <summary>Gets the index of a column by name.</summary>
    /// <param name="name">The column's name.</param>
    /// <returns>Its index.</returns>
    /// <exception cref="KeyNotFoundException">The report has no such column.</exception>
    public int ColumnIndex(string name)
    {
        for (int i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"The report '{Name}' has no column '{name}'.");
    }
}
