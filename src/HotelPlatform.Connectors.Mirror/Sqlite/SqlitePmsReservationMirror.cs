using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace HotelPlatform.Connectors.Mirror.Sqlite;

/// <summary>
/// The embedded mirror: one SQLite file in WAL mode (readers never wait for the writer), for one host. Write
/// transactions are <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default), so concurrent appliers queue instead of
/// failing on a lock upgrade. <c>synchronous=NORMAL</c> is enough here: the mirror is a copy that the inbox and the
/// reconciliation can always rebuild, unlike the inbox itself.
/// </summary>
public sealed class SqlitePmsReservationMirror : SqlPmsReservationMirror
{
    private readonly string _connectionString;

    /// <summary>Initializes a new instance of the <see cref="SqlitePmsReservationMirror"/> class.</summary>
    /// <param name="path">The database file; created with its folder if absent.</param>
    public SqlitePmsReservationMirror(string path)
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
    protected override string SchemaSql => TableColumns("INTEGER");

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
                pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
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
