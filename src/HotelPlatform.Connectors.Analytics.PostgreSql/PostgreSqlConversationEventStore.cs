using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;

namespace HotelPlatform.Connectors.Analytics.PostgreSql;

/// <summary>
/// The shared store: one PostgreSQL database for several hosts. Each batch is one transaction of
/// <c>INSERT ... ON CONFLICT (event_id) DO NOTHING RETURNING event_id</c> statements sent together, so ingestion is
/// idempotent by event id across hosts; the analyses are the package's store-neutral ones over the selected calls'
/// events (ADR 0026). The table is created on first use under a transaction-scoped advisory lock, so hosts starting
/// together do not race.
/// </summary>
public sealed class PostgreSqlConversationEventStore : ConversationEventStore
{
    private const string SchemaSql = """
        SELECT pg_advisory_xact_lock(7312945602);
        CREATE TABLE IF NOT EXISTS conversation_events (
            event_id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, hotel_id TEXT NOT NULL, kind TEXT NOT NULL,
            occurred_at TIMESTAMPTZ NOT NULL, turn_index INTEGER, speaker TEXT, text TEXT, intent TEXT, confidence DOUBLE PRECISION,
            operation TEXT, vendor TEXT, duration_ms DOUBLE PRECISION, outcome TEXT, amount NUMERIC(18,4), currency TEXT,
            reservation_id TEXT, channel TEXT, language TEXT, score DOUBLE PRECISION);
        CREATE INDEX IF NOT EXISTS conversation_events_conversation ON conversation_events (conversation_id);
        CREATE INDEX IF NOT EXISTS conversation_events_starts ON conversation_events (occurred_at, hotel_id) WHERE kind = 'CallStarted';
        """;

    private static readonly string InsertSql =
        $"INSERT INTO conversation_events ({EventColumns}) VALUES ({string.Join(", ", Enumerable.Range(1, 20).Select(i => "$" + i))}) "
        + "ON CONFLICT (event_id) DO NOTHING RETURNING event_id";

    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlConversationEventStore"/> class.</summary>
    /// <param name="dataSource">The database; owned by the caller (dispose it when the host stops).</param>
    public PostgreSqlConversationEventStore(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
    }

    /// <inheritdoc/>
    public override async Task<IReadOnlyList<ConversationEvent>> AppendAsync(IEnumerable<ConversationEvent> events, CancellationToken cancellationToken = default)
    {
        var batch = FirstCopies(events);
        if (batch.Count == 0)
        {
            return [];
        }

        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var inserted = new HashSet<string>(StringComparer.Ordinal);
                var command = new NpgsqlBatch(connection, transaction);
                await using (command.ConfigureAwait(false))
                {
                    // Every host inserts in the same (ordinal id) order, so two batches sharing events wait for each
                    // other instead of deadlocking on each other's uncommitted keys.
                    foreach (var e in batch.OrderBy(e => e.EventId, StringComparer.Ordinal))
                    {
                        command.BatchCommands.Add(Insert(e));
                    }

                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        do
                        {
                            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                            {
                                inserted.Add(reader.GetString(0));
                            }
                        }
                        while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return inserted.Count == batch.Count ? batch : [.. batch.Where(e => inserted.Contains(e.EventId))];
            }
        }
    }

    /// <inheritdoc/>
    public override async IAsyncEnumerable<ConversationEvent> ReadEventsAsync(AnalyticsFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var command = _dataSource.CreateCommand($"""
            SELECT {EventColumns} FROM conversation_events
            WHERE conversation_id IN (
                SELECT conversation_id FROM conversation_events
                WHERE kind = 'CallStarted'
                  AND ($1::text IS NULL OR hotel_id = $1)
                  AND ($2::timestamptz IS NULL OR occurred_at >= $2)
                  AND ($3::timestamptz IS NULL OR occurred_at < $3))
            ORDER BY occurred_at, event_id COLLATE "C"
            """);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)filter.HotelId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = filter.From is { } from ? from.UtcDateTime : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = filter.To is { } to ? to.UtcDateTime : DBNull.Value });
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield return ReadEventRow(reader);
                }
            }
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _schemaGate.Dispose();
        }

        base.Dispose(disposing);
    }

    private static NpgsqlBatchCommand Insert(ConversationEvent e)
    {
        var command = new NpgsqlBatchCommand(InsertSql);
        void Add(NpgsqlDbType type, object? value) => command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = type, Value = value ?? DBNull.Value });
        Add(NpgsqlDbType.Text, e.EventId);
        Add(NpgsqlDbType.Text, e.ConversationId);
        Add(NpgsqlDbType.Text, e.HotelId);
        Add(NpgsqlDbType.Text, e.Kind.ToString());
        Add(NpgsqlDbType.TimestampTz, e.OccurredAt.UtcDateTime);
        Add(NpgsqlDbType.Integer, e.TurnIndex);
        Add(NpgsqlDbType.Text, e.Speaker);
        Add(NpgsqlDbType.Text, e.Text);
        Add(NpgsqlDbType.Text, e.Intent);
        Add(NpgsqlDbType.Double, e.Confidence);
        Add(NpgsqlDbType.Text, e.Operation);
        Add(NpgsqlDbType.Text, e.Vendor);
        Add(NpgsqlDbType.Double, e.Duration?.TotalMilliseconds);
        Add(NpgsqlDbType.Text, e.Outcome);
        Add(NpgsqlDbType.Numeric, e.Amount);
        Add(NpgsqlDbType.Text, e.Currency);
        Add(NpgsqlDbType.Text, e.ReservationId);
        Add(NpgsqlDbType.Text, e.Channel);
        Add(NpgsqlDbType.Text, e.Language);
        Add(NpgsqlDbType.Double, e.Score);
        return command;
    }

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_schemaReady)
            {
                var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    // The advisory lock is transaction-scoped: one statement batch in one transaction.
                    var command = new NpgsqlCommand("BEGIN; " + SchemaSql + " COMMIT;", connection);
                    await using (command.ConfigureAwait(false))
                    {
                        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                _schemaReady = true;
            }
        }
        finally
        {
            _schemaGate.Release();
        }
    }
}
