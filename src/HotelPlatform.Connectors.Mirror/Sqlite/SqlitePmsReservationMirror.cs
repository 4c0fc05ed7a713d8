using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace HotelPlatform.Connectors.Mirror.Sqlite;

/// <summary>
/// The embedded mirror: one SQLite file in WAL mode (readers never wait for the writer; the mode is stored in the
/// file, set once), for one host. Write transactions are <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default), so
/// concurrent appliers queue instead of failing on a lock upgrade.
/// </summary>
public sealed class SqlitePmsReservationMirror : SqlPmsReservationMirror
{
    private readonly string _connectionString;

    /// <summary>Initializes a new instance of the <see cref="SqlitePmsReservationMirror"/> class.</summary>
    /// <param name="path">The database file; created with its folder if absent.</param>
    public SqlitePmsReservationMirror(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30 }.ToString();
    }

    /// <inheritdoc />
    protected override string SchemaSql => TableColumns("INTEGER");

    /// <inheritdoc />
    protected override string PrepareSql => "PRAGMA journal_mode = WAL";

    /// <inheritdoc />
    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }
}
