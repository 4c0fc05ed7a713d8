using System.Data.Common;
using Npgsql;

namespace HotelPlatform.Connectors.Mirror.PostgreSql;

/// <summary>
/// The shared mirror: one PostgreSQL database for several host instances. Whichever host applies an event first, the
/// versioned upsert (<c>ON CONFLICT ... DO UPDATE ... WHERE</c>, row-locked by PostgreSQL) keeps the newest copy. The
/// schema is created on first use under a transaction-scoped advisory lock, so hosts starting together do not race.
/// </summary>
public sealed class PostgreSqlPmsReservationMirror : SqlPmsReservationMirror
{
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlPmsReservationMirror"/> class.</summary>
    /// <param name="dataSource">The database; owned by the caller (dispose it when the host stops).</param>
    public PostgreSqlPmsReservationMirror(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
    }

    /// <inheritdoc />
    protected override string SchemaSql => "SELECT pg_advisory_xact_lock(7312945602);\n" + TableColumns("BIGINT");

    /// <inheritdoc />
    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
}
