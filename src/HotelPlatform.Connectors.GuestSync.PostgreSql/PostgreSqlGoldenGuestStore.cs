using System.Data.Common;
using Npgsql;

namespace HotelPlatform.Connectors.GuestSync.PostgreSql;

/// <summary>
/// The shared golden store: one PostgreSQL database for several host instances (<see cref="SqlGoldenGuestStore"/> has
/// the tables). Optimistic versions guard existing records; unique indexes on the e-mail (and the phone of a record
/// without one) make a second host's insert of the same new guest yield. The schema is created on first use under a
/// transaction-scoped advisory lock, so hosts starting together do not race.
/// </summary>
public sealed class PostgreSqlGoldenGuestStore : SqlGoldenGuestStore
{
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlGoldenGuestStore"/> class.</summary>
    /// <param name="dataSource">The database; owned by the caller (dispose it when the host stops).</param>
    public PostgreSqlGoldenGuestStore(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
    }

    /// <inheritdoc />
    protected override string SchemaSql =>
        "SELECT pg_advisory_xact_lock(7312945631);\n" + TableDefinitions("BIGINT", "seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY");

    /// <inheritdoc />
    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    protected override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
