using System.Data.Common;
using System.Globalization;
using System.Text;

namespace HotelPlatform.Connectors.Webhooks;

/// <summary>
/// The inbox on a relational database through ADO.NET: one table <c>pms_inbox</c> (unique on hotel and event id) and
/// one table <c>pms_inbox_checkpoints</c>. Everything but the schema and the lease statement is the same SQL on SQLite
/// and PostgreSQL, so it lives here once; a dialect supplies the connection, the schema and the lease. Instants are
/// stored as Unix milliseconds (no time-zone conversions on either database).
/// </summary>
public abstract class SqlPmsEventInbox : IPmsEventInbox
{
    /// <summary>The columns every read selects, in the order <see cref="ReadItem"/> reads them.</summary>
    protected const string ItemColumns =
        "id, hotel_id, event_id, event_type, ordering_key, payload, origin, occurred_at, received_at, status, failed_attempts, last_error, handled_at, next_attempt_at";

    private const int MaxErrorLength = 2000;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    /// <summary>
    /// Gets what the dialect appends to the lease's row selection to lock the chosen rows (PostgreSQL:
    /// <c>FOR UPDATE SKIP LOCKED</c>); empty where the write transaction already excludes other writers (SQLite).
    /// </summary>
    protected abstract string LeaseLockClause { get; }

    /// <summary>Gets the statements that create the tables and indexes if they do not exist, run once in a transaction before first use; <see cref="InboxTableColumns"/> gives the columns.</summary>
    protected abstract string SchemaSql { get; }

    /// <summary>
    /// The lease: sets <c>lease_owner</c> and <c>lease_until</c> on at most <c>@max</c> rows that are pending, due,
    /// not under an unexpired lease, and have no pending row with the same <c>ordering_key</c> and a smaller <c>id</c>
    /// (so one reservation's events go one at a time, in order); returns <see cref="ItemColumns"/>.
    /// </summary>
    private string LeaseSql =>
        $"""
        UPDATE pms_inbox SET lease_owner = @owner, lease_until = @lease_until
        WHERE id IN (
            SELECT i.id FROM pms_inbox i
            WHERE i.status = 0 AND i.next_attempt_at <= @now AND (i.lease_until IS NULL OR i.lease_until <= @now)
              AND NOT EXISTS (SELECT 1 FROM pms_inbox e WHERE e.ordering_key = i.ordering_key AND e.status = 0 AND e.id < i.id)
            ORDER BY i.id LIMIT @max
            {LeaseLockClause})
        RETURNING {ItemColumns}
        """;

    /// <summary>The columns of <c>pms_inbox</c> after its id, for a dialect's <c>CREATE TABLE</c>.</summary>
    /// <param name="integer">The dialect's 64-bit integer type.</param>
    /// <returns>The column definitions and the unique key, comma-separated.</returns>
    protected static string InboxTableColumns(string integer) =>
        $"""
            hotel_id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            event_type TEXT NOT NULL,
            ordering_key TEXT NOT NULL,
            payload TEXT NOT NULL,
            origin {integer} NOT NULL,
            occurred_at {integer} NOT NULL,
            received_at {integer} NOT NULL,
            status {integer} NOT NULL,
            failed_attempts {integer} NOT NULL,
            next_attempt_at {integer} NOT NULL,
            lease_owner TEXT NULL,
            lease_until {integer} NULL,
            last_error TEXT NULL,
            handled_at {integer} NULL,
            UNIQUE (hotel_id, event_id)
        """;

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<bool>> AppendAsync(IReadOnlyList<PmsInboxRecord> records, PmsInboxCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var inserted = new bool[records.Count];
                var insert = Command(connection, transaction,
                    "INSERT INTO pms_inbox (hotel_id, event_id, event_type, ordering_key, payload, origin, occurred_at, received_at, status, failed_attempts, next_attempt_at) " +
                    "VALUES (@hotel_id, @event_id, @event_type, @ordering_key, @payload, @origin, @occurred_at, @received_at, 0, 0, @received_at) " +
                    "ON CONFLICT (hotel_id, event_id) DO NOTHING");
                await using (insert.ConfigureAwait(false))
                {
                    var hotel = Add(insert, "hotel_id", string.Empty);
                    var eventId = Add(insert, "event_id", string.Empty);
                    var eventType = Add(insert, "event_type", string.Empty);
                    var orderingKey = Add(insert, "ordering_key", string.Empty);
                    var payload = Add(insert, "payload", string.Empty);
                    var origin = Add(insert, "origin", 0);
                    var occurredAt = Add(insert, "occurred_at", 0L);
                    var receivedAt = Add(insert, "received_at", 0L);
                    for (var i = 0; i < records.Count; i++)
                    {
                        var record = records[i];
                        hotel.Value = record.HotelId;
                        eventId.Value = record.EventId;
                        eventType.Value = record.EventType;
                        orderingKey.Value = record.OrderingKey;
                        payload.Value = record.Payload;
                        origin.Value = (int)record.Origin;
                        occurredAt.Value = record.OccurredAt.ToUnixTimeMilliseconds();
                        receivedAt.Value = record.ReceivedAt.ToUnixTimeMilliseconds();
                        inserted[i] = await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
                    }
                }

                if (checkpoint is not null)
                {
                    var upsert = Command(connection, transaction,
                        "INSERT INTO pms_inbox_checkpoints (name, value) VALUES (@name, @value) ON CONFLICT (name) DO UPDATE SET value = excluded.value");
                    await using (upsert.ConfigureAwait(false))
                    {
                        Add(upsert, "name", checkpoint.Key);
                        Add(upsert, "value", (object?)checkpoint.Value ?? DBNull.Value);
                        await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return inserted;
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<PmsInboxItem>> LeaseAsync(string owner, int maxCount, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var lease = Command(connection, transaction, LeaseSql);
                await using (lease.ConfigureAwait(false))
                {
                    Add(lease, "owner", owner);
                    Add(lease, "now", now.ToUnixTimeMilliseconds());
                    Add(lease, "lease_until", leaseUntil.ToUnixTimeMilliseconds());
                    Add(lease, "max", maxCount);
                    var items = await ReadItemsAsync(lease, cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    items.Sort((a, b) => a.Id.CompareTo(b.Id));
                    return items;
                }
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> CompleteAsync(long id, string owner, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE pms_inbox SET status = 1, handled_at = @now, lease_owner = NULL, lease_until = NULL WHERE id = @id AND lease_owner = @owner AND status = 0",
            [("id", id), ("owner", owner), ("now", now.ToUnixTimeMilliseconds())],
            cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> FailAsync(long id, string owner, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        return ExecuteAsync(
            "UPDATE pms_inbox SET status = @status, failed_attempts = failed_attempts + 1, last_error = @error, next_attempt_at = @retry_at, " +
            "lease_owner = NULL, lease_until = NULL WHERE id = @id AND lease_owner = @owner AND status = 0",
            [
                ("id", id), ("owner", owner), ("error", error.Length > MaxErrorLength ? error[..MaxErrorLength] : error),
                ("status", (int)(retryAt is null ? PmsInboxStatus.DeadLettered : PmsInboxStatus.Pending)),
                ("retry_at", (retryAt ?? DateTimeOffset.MaxValue).ToUnixTimeMilliseconds()),
            ],
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> ReplayAsync(long id, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE pms_inbox SET status = 0, failed_attempts = 0, next_attempt_at = @now WHERE id = @id AND status = 2",
            [("id", id), ("now", now.ToUnixTimeMilliseconds())],
            cancellationToken);

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<PmsInboxItem>> ListAsync(string? hotelId, PmsInboxStatus? status, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var sql = new StringBuilder("SELECT ").Append(ItemColumns).Append(" FROM pms_inbox WHERE 1 = 1");
        if (hotelId is not null)
        {
            sql.Append(" AND hotel_id = @hotel_id");
        }

        if (status is not null)
        {
            sql.Append(" AND status = @status");
        }

        sql.Append(" ORDER BY id DESC LIMIT @limit");
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = Command(connection, null, sql.ToString());
            await using (command.ConfigureAwait(false))
            {
                if (hotelId is not null)
                {
                    Add(command, "hotel_id", hotelId);
                }

                if (status is not null)
                {
                    Add(command, "status", (int)status.Value);
                }

                Add(command, "limit", limit);
                return await ReadItemsAsync(command, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> HasEventSinceAsync(string orderingKey, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orderingKey);
        var value = await ScalarAsync(
            "SELECT 1 FROM pms_inbox WHERE ordering_key = @key AND received_at >= @since LIMIT 1",
            [("key", orderingKey), ("since", since.ToUnixTimeMilliseconds())],
            cancellationToken).ConfigureAwait(false);
        return value is not null;
    }

    /// <inheritdoc />
    public async ValueTask<string?> GetCheckpointAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return await ScalarAsync("SELECT value FROM pms_inbox_checkpoints WHERE name = @name", [("name", key)], cancellationToken).ConfigureAwait(false) as string;
    }

    /// <summary>Opens a connection to the database, ready for statements (session settings applied).</summary>
    /// <param name="cancellationToken">A token that cancels the work.</param>
    /// <returns>The open connection, disposed by the caller.</returns>
    protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static DbParameter Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static async Task<List<PmsInboxItem>> ReadItemsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var items = new List<PmsInboxItem>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(ReadItem(reader));
            }
        }

        return items;
    }

    private static PmsInboxItem ReadItem(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Record = new PmsInboxRecord(
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetString(4),
            reader.GetString(5),
            (PmsEventOrigin)Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8))),
        Status = (PmsInboxStatus)Convert.ToInt32(reader.GetValue(9), CultureInfo.InvariantCulture),
        FailedAttempts = Convert.ToInt32(reader.GetValue(10), CultureInfo.InvariantCulture),
        LastError = reader.IsDBNull(11) ? null : reader.GetString(11),
        HandledAt = reader.IsDBNull(12) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(12)),
        NextAttemptAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(13)),
    };

    private async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        if (_schemaReady)
        {
            return connection;
        }

        try
        {
            await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!_schemaReady)
                {
                    var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                    await using (transaction.ConfigureAwait(false))
                    {
                        var schema = Command(connection, transaction, SchemaSql);
                        await using (schema.ConfigureAwait(false))
                        {
                            await schema.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                        }

                        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    }

                    _schemaReady = true;
                }
            }
            finally
            {
                _schemaGate.Release();
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async ValueTask<bool> ExecuteAsync(string sql, (string Name, object Value)[] parameters, CancellationToken cancellationToken) =>
        await RunAsync(sql, parameters, async (command, ct) => await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1, cancellationToken).ConfigureAwait(false);

    private async ValueTask<object?> ScalarAsync(string sql, (string Name, object Value)[] parameters, CancellationToken cancellationToken) =>
        await RunAsync(sql, parameters, async (command, ct) => await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is { } value and not DBNull ? value : null, cancellationToken).ConfigureAwait(false);

    private async ValueTask<T> RunAsync<T>(string sql, (string Name, object Value)[] parameters, Func<DbCommand, CancellationToken, Task<T>> run, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = Command(connection, null, sql);
            await using (command.ConfigureAwait(false))
            {
                foreach (var (name, value) in parameters)
                {
                    Add(command, name, value);
                }

                return await run(command, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
