using System.Data.Common;
using Npgsql;

namespace HotelPlatform.Connectors.Webhooks.PostgreSql;

/// <summary>
/// The shared inbox: one PostgreSQL database for several host instances. Leasing selects due rows
/// <c>FOR UPDATE SKIP LOCKED</c>, so two dispatchers never take the same event and never wait on each other; the
/// per-reservation order holds across hosts because a row is due only when no older row of its ordering key is pending.
/// The schema is created on first use under a transaction-scoped advisory lock, so hosts starting together do not race.
/// </summary>
public sealed class PostgreSqlPmsEventInbox : SqlPmsEventInbox
{
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlPmsEventInbox"/> class.</summary>
    /// <param name="dataSource">The database; owned by the caller (dispose it when the host stops).</param>
    public PostgreSqlPmsEventInbox(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
    }

    /// <inheritdoc />
    protected override string SchemaSql =>
        $"""
        SELECT pg_advisory_xact_lock(7312945601);
        CREATE TABLE IF NOT EXISTS pms_inbox (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            {InboxTableColumns("BIGINT")});
        CREATE INDEX IF NOT EXISTS pms_inbox_pending ON pms_inbox (id) WHERE status = 0;
        CREATE INDEX IF NOT EXISTS pms_inbox_ordering ON pms_inbox (ordering_key, id) WHERE status = 0;
        CREATE INDEX IF NOT EXISTS pms_inbox_ordering_received ON pms_inbox (ordering_key, received_at);
        CREATE INDEX IF NOT EXISTS pms_inbox_hotel ON pms_inbox (hotel_id, id);
        CREATE TABLE IF NOT EXISTS pms_inbox_checkpoints (name TEXT PRIMARY KEY, value TEXT NULL);
        """;

    /// <inheritdoc />
    protected override string LeaseLockClause => "FOR UPDATE SKIP LOCKED";

    /// <inheritdoc />
    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
}
