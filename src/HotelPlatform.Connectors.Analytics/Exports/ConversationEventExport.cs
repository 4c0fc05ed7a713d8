using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace HotelPlatform.Connectors.Analytics;

/// <summary>
/// Writes events to a stream as they are read, never holding the export in memory: CSV through CsvHelper (UTF-8, one
/// header row, invariant culture, times in ISO 8601 UTC, durations in milliseconds, flushed as its buffer fills) and
/// JSON as one array written with <see cref="Utf8JsonWriter"/>, flushed every <see cref="FlushEvery"/> events.
/// </summary>
public static class ConversationEventExport
{
    /// <summary>Events written between flushes of the JSON writer to the stream.</summary>
    public const int FlushEvery = 1000;

    private static readonly string[] Header =
    [
        "event_id", "conversation_id", "hotel_id", "kind", "occurred_at", "turn_index", "speaker", "text", "intent", "confidence",
        "operation", "vendor", "duration_ms", "outcome", "amount", "currency", "reservation_id", "channel", "language", "score",
    ];

    /// <summary>Writes the events as CSV.</summary>
    /// <param name="events">The events, e.g. <see cref="IConversationEventStore.ReadEventsAsync"/>.</param>
    /// <param name="destination">The stream; left open.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The number of events written.</returns>
    public static async Task<long> WriteCsvAsync(IAsyncEnumerable<ConversationEvent> events, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(destination);
        var csv = CsvWriter.Create(destination, CsvWriterOptions.Default, leaveOpen: true);
        await using (csv.ConfigureAwait(false))
        {
            await csv.WriteRecordAsync(Header, cancellationToken).ConfigureAwait(false);
            long count = 0;
            await foreach (var e in events.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                // WriteRecordAsync flushes to the stream whenever its buffer is mostly full.
                await csv.WriteRecordAsync(Fields(e), cancellationToken).ConfigureAwait(false);
                count++;
            }

            await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
            return count;
        }
    }

    /// <summary>Writes the events as one JSON array of objects with the CSV's column names (absent values omitted).</summary>
    /// <param name="events">The events.</param>
    /// <param name="destination">The stream; left open.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The number of events written.</returns>
    public static async Task<long> WriteJsonAsync(IAsyncEnumerable<ConversationEvent> events, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(destination);
        var json = new Utf8JsonWriter(destination);
        await using (json.ConfigureAwait(false))
        {
            json.WriteStartArray();
            long count = 0;
            await foreach (var e in events.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                json.WriteStartObject();
                foreach (var (name, value) in Header.Zip(Fields(e)))
                {
                    if (value is not null)
                    {
                        json.WriteString(name, value);
                    }
                }

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

    private static string?[] Fields(ConversationEvent e) =>
    [
        e.EventId, e.ConversationId, e.HotelId, e.Kind.ToString(), e.OccurredAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        Invariant(e.TurnIndex), e.Speaker, e.Text, e.Intent, Invariant(e.Confidence), e.Operation, e.Vendor,
        Invariant(e.Duration?.TotalMilliseconds), e.Outcome, Invariant(e.Amount), e.Currency, e.ReservationId, e.Channel, e.Language, Invariant(e.Score),
    ];

    private static string? Invariant<T>(T? value)
        where T : struct, IFormattable => value?.ToString(null, CultureInfo.InvariantCulture);
}
