using System.Text.Json;
using HotelPlatform.Connectors.Analytics.Reports;

namespace HotelPlatform.Connectors.Analytics;

/// <summary>
/// Writes events to a stream as they are read, never holding the export in memory, in the columns of the
/// <see cref="ConversationReports.Events"/> report: CSV through <see cref="ReportExport.WriteCsvAsync"/> (UTF-8, one header
/// row, invariant culture, times in ISO 8601 UTC, durations in milliseconds) and JSON as one array of string values with
/// absent ones omitted, written with <see cref="Utf8JsonWriter"/> and flushed every <see cref="FlushEvery"/> events.
/// </summary>
public static class ConversationEventExport
{
    /// <summary>Events written between flushes of the JSON writer to the stream.</summary>
    public const int FlushEvery = ReportExport.FlushEvery;

    /// <summary>Writes the events as CSV.</summary>
    /// <param name="events">The events, e.g. <see cref="IConversationEventStore.ReadEventsAsync"/>.</param>
    /// <param name="destination">The stream; left open.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The number of events written.</returns>
    public static Task<long> WriteCsvAsync(IAsyncEnumerable<ConversationEvent> events, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        return ReportExport.WriteCsvAsync(AsReport(events), destination, cancellationToken);
    }

    /// <summary>Writes the events as one JSON array of objects with the CSV's column names (absent values omitted).</summary>
    /// <param name="events">The events.</param>
    /// <param name="destination">The stream; left open.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The number of events written.</returns>
    public static Task<long> WriteJsonAsync(IAsyncEnumerable<ConversationEvent> events, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(destination);
        return ReportExport.WriteJsonArrayAsync(events, destination, (json, e) =>
        {
            foreach (var (column, value) in Columns.Zip(ConversationReports.EventRow(e)))
            {
                if (value is not null)
                {
                    json.WriteString(column.Name, ReportValues.Invariant(value));
                }
            }
        }, cancellationToken);
    }

    private static IReadOnlyList<ReportColumn> Columns => ConversationReports.Events.Columns;

    // The events report's columns and rows, so both exports write what the dashboard's events export writes.
    private static Report AsReport(IAsyncEnumerable<ConversationEvent> events) =>
        new(ConversationReports.Events.Name, ConversationReports.Events.Title, AnalyticsFilter.All, Columns, events.Select(ConversationReports.EventRow));
}
