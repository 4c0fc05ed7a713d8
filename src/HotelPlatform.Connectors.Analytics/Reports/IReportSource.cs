namespace HotelPlatform.Connectors.Analytics.Reports;

/// <summary>
/// Turns one of the store's metric queries into a report: the adapter a new metric needs to appear in every export and on
/// the dashboard. Register it in a <see cref="ReportCatalog"/>; <see cref="ReportSource"/> builds one from a delegate.
/// </summary>
public interface IReportSource
{
    /// <summary>Gets the report's machine name, unique in a catalog (lower case, dashes).</summary>
    string Name { get; }

    /// <summary>Gets the report's title.</summary>
    string Title { get; }

    /// <summary>Gets the report's columns.</summary>
    IReadOnlyList<ReportColumn> Columns { get; }

    /// <summary>Gets how to draw the report, or <see langword="null"/>.</summary>
    ReportChart? Chart { get; }

    /// <summary>Reads the rows of the calls the filter selects, one at a time, each in column order.</summary>
    /// <param name="store">The store to query.</param>
    /// <param name="filter">Which calls.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows.</returns>
    IAsyncEnumerable<IReadOnlyList<object?>> ReadRowsAsync(IConversationEventStore store, AnalyticsFilter filter, CancellationToken cancellationToken = default);
}

/// <summary>A report adapter made of its description and a delegate that reads its rows.</summary>
/// <param name="name">The report's machine name.</param>
/// <param name="title">The report's title.</param>
/// <param name="columns">Its columns.</param>
/// <param name="readRows">Reads its rows from the store.</param>
/// <param name="chart">How to draw it, or <see langword="null"/>.</param>
public sealed class ReportSource(
    string name,
    string title,
    IReadOnlyList<ReportColumn> columns,
    Func<IConversationEventStore, AnalyticsFilter, CancellationToken, IAsyncEnumerable<IReadOnlyList<object?>>> readRows,
    ReportChart? chart = null) : IReportSource
{
    /// <inheritdoc/>
    public string Name { get; } = name;

    /// <inheritdoc/>
    public string Title { get; } = title;

    /// <inheritdoc/>
    public IReadOnlyList<ReportColumn> Columns { get; } = columns;

    /// <inheritdoc/>
    public ReportChart? Chart { get; } = chart;

    /// <inheritdoc/>
    public IAsyncEnumerable<IReadOnlyList<object?>> ReadRowsAsync(IConversationEventStore store, AnalyticsFilter filter, CancellationToken cancellationToken = default) =>
        readRows(store, filter, cancellationToken);
}
