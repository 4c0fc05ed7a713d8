using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace HotelPlatform.Connectors.GuestSync;

/// <summary>
/// The embedded golden store: one SQLite file in WAL mode, for one host (<see cref="SqlGoldenGuestStore"/> has the
/// tables). Write transactions are <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default), so concurrent syncs queue
/// instead of failing on a lock upgrade.
/// </summary>
public sealed class SqliteGoldenGuestStore : SqlGoldenGuestStore
{
    // SQLITE_CONSTRAINT: the primary result code of every constraint failure (the extended code tells UNIQUE apart).
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;

    private readonly string _connectionString;

    /// <summary>Initializes a new instance of the <see cref="SqliteGoldenGuestStore"/> class.</summary>
    /// <param name="databasePath">The SQLite file; created with its tables when absent.</param>
    public SqliteGoldenGuestStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false, DefaultTimeout = 30 }.ToString();
    }

    /// <inheritdoc />
    protected override string SchemaSql => TableDefinitions("INTEGER", "seq INTEGER PRIMARY KEY AUTOINCREMENT");

    /// <inheritdoc />
    protected override string PrepareSql => "PRAGMA journal_mode = WAL";

    /// <inheritdoc />
    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <inheritdoc />
    protected override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique };
}
