using System.Text.RegularExpressions;

namespace HotelPlatform.Connectors.Analytics.Reports;

/// <summary>
/// The reports a host offers, by name. <see cref="CreateDefault"/> holds one report per metric query of
/// <see cref="IConversationEventStore"/> (<see cref="ConversationReports"/>); a new metric becomes a report, with its
/// exports and its dashboard tile, by adding one <see cref="IReportSource"/>.
/// </summary>
public sealed partial class ReportCatalog
{
    private readonly List<IReportSource> _sources = [];

    /// <summary>Gets the registered reports, in the order added.</summary>
    public IReadOnlyList<IReportSource> Sources => _sources;

    /// <summary>Creates a catalog of every built-in report, without exchange rates or SLA targets.</summary>
    /// <param name="time">The clock that bounds open-ended trend ranges; the system clock when <see langword="null"/>.</param>
    /// <returns>The catalog.</returns>
    public static ReportCatalog CreateDefault(TimeProvider? time = null) => Create(AnalyticsReportSettings.None, time);

    /// <summary>
    /// Creates a catalog of every built-in report with the host's settings; the revenue and SLA reports need
    /// <see cref="AnalyticsReportSettings.Rates"/> and <see cref="AnalyticsReportSettings.Sla"/> and, without them, fail
    /// with a <see cref="ReportConfigurationException"/> when read.
    /// </summary>
    /// <param name="settings">Rates, targets, period and bin width.</param>
    /// <param name="time">The clock that bounds open-ended trend ranges; the system clock when <see langword="null"/>.</param>
    /// <returns>The catalog.</returns>
    public static ReportCatalog Create(AnalyticsReportSettings settings, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var catalog = new ReportCatalog();
        foreach (var source in ConversationReports.All(time ?? TimeProvider.System, settings))
        {
            catalog.Add(source);
        }

        return catalog;
    }

    /// <summary>Adds a report.</summary>
    /// <param name="source">The report's adapter.</param>
    /// <returns>This catalog.</returns>
    /// <exception cref="ArgumentException">The name is not lower case with dashes, or is taken.</exception>
    public ReportCatalog Add(IReportSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!NamePattern().IsMatch(source.Name))
        {
            throw new ArgumentException($"A report name is lower case letters, digits and dashes (it becomes a file name and a URL): '{source.Name}'.", nameof(source));
        }

        if (TryGet(source.Name, out _))
        {
            throw new ArgumentException($"A report named '{source.Name}' is registered already.", nameof(source));
        }

        _sources.Add(source);
        return this;
    }

    /// <summary>Finds a report by name.</summary>
    /// <param name="name">The name.</param>
    /// <param name="source">The report, when found.</param>
    /// <returns>Whether it was found.</returns>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IReportSource? source)
    {
        source = _sources.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));
        return source is not null;
    }

    /// <summary>Opens a report over the calls the filter selects; nothing is read until its rows are enumerated.</summary>
    /// <param name="name">The report's name.</param>
    /// <param name="store">The store.</param>
    /// <param name="filter">Which calls.</param>
    /// <returns>The report.</returns>
    /// <exception cref="KeyNotFoundException">No report has that name.</exception>
    public Report Open(string name, IConversationEventStore store, AnalyticsFilter filter)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(filter);
        if (!TryGet(name, out var source))
        {
            throw new KeyNotFoundException($"No report is named '{name}'.");
        }

        return new Report(source.Name, source.Title, filter, source.Columns, new RowsOf(source, store, filter), source.Chart);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    // Each enumeration reads the store again, with the enumerator's cancellation token.
    private sealed class RowsOf(IReportSource source, IConversationEventStore store, AnalyticsFilter filter) : IAsyncEnumerable<IReadOnlyList<object?>>
    {
        public IAsyncEnumerator<IReadOnlyList<object?>> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
            source.ReadRowsAsync(store, filter, cancellationToken).GetAsyncEnumerator(cancellationToken);
    }
}
