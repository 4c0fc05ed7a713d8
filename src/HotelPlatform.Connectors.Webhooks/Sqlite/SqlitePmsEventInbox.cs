using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace HotelPlatform.Connectors.Webhooks.Sqlite;

/// <summary>
/// The embedded inbox: one SQLite file in WAL mode with <c>synchronous=FULL</c>, so a commit is on disk when
/// <see cref="IPmsEventInbox.AppendAsync"/> returns (WAL's <c>NORMAL</c> may lose the last commits on power loss).
/// One host per file: SQLite serialises writers, and its file locks do not span machines. Write transactions are
/// <c>BEGIN IMMEDIATE</c>, so a lease never upgrades a read lock and deadlocks.
/// </summary>
public sealed class SqlitePmsEventInbox : SqlPmsEventInbox
{
    private readonly string _connectionString;

    /// <summary>Initializes a new instance of the <see cref="SqlitePmsEventInbox"/> class.</summary>
    /// <param name="path">The database file; created with its folder if absent.</param>
    public SqlitePmsEventInbox(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <inheritdoc />
    protected override string SchemaSql =>
        $"""
        CREATE TABLE IF NOT EXISTS pms_inbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            {InboxTableColumns("INTEGER")});
        CREATE INDEX IF NOT EXISTS pms_inbox_pending ON pms_inbox (status, next_attempt_at, id);
        CREATE INDEX IF NOT EXISTS pms_inbox_ordering ON pms_inbox (ordering_key, status, id);
        CREATE INDEX IF NOT EXISTS pms_inbox_ordering_received ON pms_inbox (ordering_key, received_at);
        CREATE INDEX IF NOT EXISTS pms_inbox_hotel ON pms_inbox (hotel_id, id);
        CREATE TABLE IF NOT EXISTS pms_inbox_checkpoints (name TEXT PRIMARY KEY, value TEXT NULL);
        """;

    /// <inheritdoc />
    protected override string LeaseLockClause => string.Empty;

    /// <inheritdoc />
    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var pragmas = connection.CreateCommand();
            await using (pragmas.ConfigureAwait(false))
            {
                // journal_mode is stored in the file; synchronous is per connection, so both are set on every open.
                pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";
                await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
