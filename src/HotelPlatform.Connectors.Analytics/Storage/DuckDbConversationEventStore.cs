using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using DuckDB.NET.Data;

namespace HotelPlatform.Connectors.Analytics;

/// <summary>
/// The embedded default store: one DuckDB database (a file, or <c>:memory:</c>) holding one wide table of events, on which
/// the metrics run as columnar SQL. One connection, used by one caller at a time (DuckDB connections are not
/// thread-safe); batches go through DuckDB's appender into a staging table and then into the events table with
/// <c>ON CONFLICT DO NOTHING</c>, which is what makes ingestion idempotent.
/// </summary>
public sealed class DuckDbConversationEventStore : ConversationEventStore
{
    private const string Columns = EventColumns;

    private const string ColumnTypes =
        "conversation_id VARCHAR NOT NULL, hotel_id VARCHAR NOT NULL, kind VARCHAR NOT NULL, occurred_at TIMESTAMP NOT NULL, "
        + "turn_index INTEGER, speaker VARCHAR, text VARCHAR, intent VARCHAR, confidence DOUBLE, operation VARCHAR, vendor VARCHAR, "
        + "duration_ms DOUBLE, outcome VARCHAR, amount DECIMAL(18,4), currency VARCHAR, reservation_id VARCHAR, channel VARCHAR, "
        + "language VARCHAR, score DOUBLE";

    private readonly DuckDBConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Opens (and creates where needed) the store.</summary>
    /// <param name="dataSource">A database file path, or <c>:memory:</c> for a store that lives as long as this object.</param>
    public DuckDbConversationEventStore(string dataSource = ":memory:")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataSource);
        _connection = new DuckDBConnection("Data Source=" + dataSource);
        _connection.Open();
        Execute($"CREATE TABLE IF NOT EXISTS conversation_events (event_id VARCHAR PRIMARY KEY, {ColumnTypes})");
        Execute($"CREATE TEMP TABLE incoming_events (event_id VARCHAR NOT NULL, {ColumnTypes})");
        Execute(ConversationMetricsSql.CreateSummaries);
    }

    /// <inheritdoc/>
    public override async Task<IReadOnlyList<ConversationEvent>> AppendAsync(IEnumerable<ConversationEvent> events, CancellationToken cancellationToken = default)
    {
        // Repeats inside one batch are dropped first, so the INSERT below never sees one key twice.
        var batch = FirstCopies(events);
        if (batch.Count == 0)
        {
            return [];
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using (var appender = _connection.CreateAppender("incoming_events"))
            {
                foreach (var e in batch)
                {
                    AppendRow(appender, e);
                }
            }

            var inserted = new HashSet<string>(StringComparer.Ordinal);
            using var transaction = _connection.BeginTransaction();
            using (var command = _connection.CreateCommand())
            {
                command.CommandText = $"INSERT INTO conversation_events ({Columns}) SELECT {Columns} FROM incoming_events ON CONFLICT DO NOTHING RETURNING event_id";
                using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    inserted.Add(reader.GetString(0));
                }
            }

            var stored = inserted.Count == batch.Count ? batch : batch.Where(e => inserted.Contains(e.EventId)).ToList();
            if (stored.Count != batch.Count)
            {
                // The summaries take only what was new: stage the new events alone.
                Execute("DELETE FROM incoming_events");
                using var appender = _connection.CreateAppender("incoming_events");
                foreach (var e in stored)
                {
                    AppendRow(appender, e);
                }
            }

            if (stored.Count > 0)
            {
                Execute(ConversationMetricsSql.UpdateCallSummaries);
                Execute(ConversationMetricsSql.UpdateTurnIntents);
            }

            transaction.Commit();
            Execute("DELETE FROM incoming_events");
            return stored;
        }
        catch
        {
            Execute("DELETE FROM incoming_events");
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public override async Task<ConversationMetrics> GetConversationMetricsAsync(AnalyticsFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = ConversationMetricsSql.Query;
            AddFilter(command, filter);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await ConversationMetricsSql.ReadAsync(reader, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public override async Task<IntentConfusion> GetIntentConfusionAsync(AnalyticsFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = ConversationMetricsSql.Confusion;
            AddFilter(command, filter);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var cells = new List<IntentConfusionCell>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                cells.Add(new IntentConfusionCell(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
            }

            return new IntentConfusion(cells);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public override async IAsyncEnumerable<ConversationEvent> ReadEventsAsync(AnalyticsFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"""
                SELECT {Columns} FROM conversation_events
                WHERE conversation_id IN (
                    SELECT conversation_id FROM conversation_events
                    WHERE kind = 'CallStarted'
                      AND ($hotel IS NULL OR hotel_id = $hotel)
                      AND ($from IS NULL OR occurred_at >= $from)
                      AND ($to IS NULL OR occurred_at < $to))
                ORDER BY occurred_at, event_id
                """;
            AddFilter(command, filter);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return ReadEventRow(reader);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _connection.Dispose();
            _gate.Dispose();
        }

        base.Dispose(disposing);
    }

    private static void AddFilter(DuckDBCommand command, AnalyticsFilter filter)
    {
        command.Parameters.Add(new DuckDBParameter("hotel", (object?)filter.HotelId ?? DBNull.Value));
        command.Parameters.Add(new DuckDBParameter("from", filter.From is { } from ? from.UtcDateTime : DBNull.Value));
        command.Parameters.Add(new DuckDBParameter("to", filter.To is { } to ? to.UtcDateTime : DBNull.Value));
    }

    private static void AppendRow(DuckDBAppender appender, ConversationEvent e)
    {
        var row = appender.CreateRow()
            .AppendValue(e.EventId)
            .AppendValue(e.ConversationId)
            .AppendValue(e.HotelId)
            .AppendValue(e.Kind.ToString())
            .AppendValue(e.OccurredAt.UtcDateTime)
            .AppendValue(e.TurnIndex)
            .AppendValue(e.Speaker)
            .AppendValue(e.Text)
            .AppendValue(e.Intent)
            .AppendValue(e.Confidence)
            .AppendValue(e.Operation)
            .AppendValue(e.Vendor)
            .AppendValue(e.Duration?.TotalMilliseconds)
            .AppendValue(e.Outcome)
            .AppendValue(e.Amount)
            .AppendValue(e.Currency)
            .AppendValue(e.ReservationId)
            .AppendValue(e.Channel)
            .AppendValue(e.Language)
            .AppendValue(e.Score);
        row.EndRow();
    }

    private void Execute(string sql)
    {
        using DbCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>The metrics query, in the SQL DuckDB and PostgreSQL share, and the reading of its rows.</summary>
internal static class ConversationMetricsSql
{
    // The query returns one row per section: 'calls' (counts and handling-time quantiles), 'intent', and one 'funnel'
    // row per stage; $hotel/$from/$to select calls by their CallStarted.
    // One row per call (call_summaries) and per scored turn (turn_intents), kept up to date at ingestion from the newly
    // stored events only (incoming_events), merged with what the row already had: so late and out-of-order events
    // land in the same row, and a query reads one row per call instead of every event (docs/benchmarks.md).
    internal const string CreateSummaries = """
        CREATE TABLE IF NOT EXISTS call_summaries (
            conversation_id VARCHAR PRIMARY KEY, hotel_id VARCHAR, started_at TIMESTAMP, ended_at TIMESTAMP,
            booked BOOLEAN NOT NULL, transferred BOOLEAN NOT NULL, searched BOOLEAN NOT NULL, offered BOOLEAN NOT NULL, reserving BOOLEAN NOT NULL,
            offers BIGINT NOT NULL, accepted BIGINT NOT NULL, declined BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS turn_intents (
            conversation_id VARCHAR NOT NULL, turn_index INTEGER NOT NULL, detected VARCHAR, confirmed VARCHAR,
            PRIMARY KEY (conversation_id, turn_index));
        """;

    internal const string UpdateCallSummaries = """
        INSERT INTO call_summaries
        SELECT conversation_id,
               min(hotel_id) FILTER (WHERE kind = 'CallStarted'),
               min(occurred_at) FILTER (WHERE kind = 'CallStarted'),
               max(occurred_at) FILTER (WHERE kind = 'CallEnded'),
               bool_or(kind = 'BookingMade'),
               bool_or(kind = 'TransferredToStaff'),
               bool_or(kind = 'PmsOperation' AND operation IN ('GetAvailability', 'Quote')),
               bool_or(kind = 'OfferMade'),
               bool_or(kind IN ('BookingMade', 'BookingFailed') OR (kind = 'PmsOperation' AND operation = 'CreateReservation')),
               count(*) FILTER (WHERE kind = 'OfferMade'),
               count(*) FILTER (WHERE kind = 'OfferAccepted'),
               count(*) FILTER (WHERE kind = 'OfferDeclined')
        FROM incoming_events
        GROUP BY conversation_id
        ON CONFLICT (conversation_id) DO UPDATE SET
            hotel_id = CASE WHEN call_summaries.started_at IS NULL OR excluded.started_at < call_summaries.started_at THEN coalesce(excluded.hotel_id, call_summaries.hotel_id) ELSE call_summaries.hotel_id END,
            started_at = least(call_summaries.started_at, excluded.started_at),
            ended_at = greatest(call_summaries.ended_at, excluded.ended_at),
            booked = call_summaries.booked OR excluded.booked,
            transferred = call_summaries.transferred OR excluded.transferred,
            searched = call_summaries.searched OR excluded.searched,
            offered = call_summaries.offered OR excluded.offered,
            reserving = call_summaries.reserving OR excluded.reserving,
            offers = call_summaries.offers + excluded.offers,
            accepted = call_summaries.accepted + excluded.accepted,
            declined = call_summaries.declined + excluded.declined
        """;

    // A turn's first detection and first confirmation stored win (a later one for the same turn is another event id).
    internal const string UpdateTurnIntents = """
        INSERT INTO turn_intents
        SELECT conversation_id, turn_index,
               min(intent) FILTER (WHERE kind = 'IntentDetected'),
               min(intent) FILTER (WHERE kind = 'IntentConfirmed')
        FROM incoming_events
        WHERE kind IN ('IntentDetected', 'IntentConfirmed') AND turn_index IS NOT NULL
        GROUP BY conversation_id, turn_index
        ON CONFLICT (conversation_id, turn_index) DO UPDATE SET
            detected = coalesce(turn_intents.detected, excluded.detected),
            confirmed = coalesce(turn_intents.confirmed, excluded.confirmed)
        """;

    internal const string Confusion = """
        SELECT t.confirmed, t.detected, count(*) AS turns
        FROM turn_intents t JOIN call_summaries c ON c.conversation_id = t.conversation_id
        WHERE t.detected IS NOT NULL AND t.confirmed IS NOT NULL AND c.started_at IS NOT NULL
          AND ($hotel IS NULL OR c.hotel_id = $hotel)
          AND ($from IS NULL OR c.started_at >= $from)
          AND ($to IS NULL OR c.started_at < $to)
        GROUP BY t.confirmed, t.detected
        ORDER BY t.confirmed COLLATE C, t.detected COLLATE C
        """;

    internal const string Query = """
        WITH calls AS MATERIALIZED (
            SELECT *, date_diff('millisecond', started_at, ended_at) AS handling_ms
            FROM call_summaries
            WHERE started_at IS NOT NULL
              AND ($hotel IS NULL OR hotel_id = $hotel)
              AND ($from IS NULL OR started_at >= $from)
              AND ($to IS NULL OR started_at < $to)),
        intents AS (
            SELECT count(*) AS scored, count(*) FILTER (WHERE t.detected = t.confirmed) AS correct
            FROM turn_intents t JOIN calls c ON c.conversation_id = t.conversation_id
            WHERE t.detected IS NOT NULL AND t.confirmed IS NOT NULL)
        SELECT 'calls' AS section, count(*) AS a, count(*) FILTER (WHERE booked) AS b, count(*) FILTER (WHERE transferred AND NOT booked) AS c,
               CAST(coalesce(sum(offers), 0) AS BIGINT) AS d, CAST(coalesce(sum(accepted), 0) AS BIGINT) AS e, CAST(coalesce(sum(declined), 0) AS BIGINT) AS f,
               count(handling_ms) AS g, CAST(avg(handling_ms) AS DOUBLE) AS h, CAST(quantile_cont(handling_ms, 0.5) AS DOUBLE) AS i,
               CAST(quantile_cont(handling_ms, 0.9) AS DOUBLE) AS j, CAST(max(handling_ms) AS DOUBLE) AS k
        FROM calls
        UNION ALL SELECT 'intent', scored, correct, 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL FROM intents
        UNION ALL SELECT 'search', count(*) FILTER (WHERE searched), 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL FROM calls
        UNION ALL SELECT 'offer', count(*) FILTER (WHERE offered), 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL FROM calls
        UNION ALL SELECT 'reservation', count(*) FILTER (WHERE reserving), 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL FROM calls
        UNION ALL SELECT 'confirmation', count(*) FILTER (WHERE booked), 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL FROM calls
        """;

    internal static async Task<ConversationMetrics> ReadAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        long[] calls = new long[7];
        TimeSpan?[] times = new TimeSpan?[4];
        long scored = 0, correct = 0;
        var funnel = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            string section = reader.GetString(0);
            switch (section)
            {
                case "calls":
                    for (int i = 0; i < calls.Length; i++)
                    {
                        calls[i] = Convert.ToInt64(reader.GetValue(i + 1), CultureInfo.InvariantCulture);
                    }

                    for (int i = 0; i < times.Length; i++)
                    {
                        times[i] = reader.IsDBNull(8 + i) ? null : TimeSpan.FromMilliseconds(Convert.ToDouble(reader.GetValue(8 + i), CultureInfo.InvariantCulture));
                    }

                    break;
                case "intent":
                    scored = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
                    correct = Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture);
                    break;
                default:
                    funnel[section] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
                    break;
            }
        }

        return new ConversationMetrics(
            Calls: calls[0],
            Completed: calls[1],
            Transferred: calls[2],
            OffersMade: calls[3],
            OffersAccepted: calls[4],
            OffersDeclined: calls[5],
            IntentTurns: scored,
            IntentCorrect: correct,
            Funnel: [.. FunnelStages.Select(s => new FunnelStage(s, funnel.GetValueOrDefault(s)))],
            HandlingTime: new HandlingTimeSummary(calls[6], times[0], times[1], times[2], times[3]));
    }

    private static readonly string[] FunnelStages = ["search", "offer", "reservation", "confirmation"];
}
