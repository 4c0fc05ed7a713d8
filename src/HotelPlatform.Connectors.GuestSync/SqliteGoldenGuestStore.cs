using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;

namespace HotelPlatform.Connectors.GuestSync;

/// <summary>
/// An <see cref="IGoldenGuestStore"/> in an embedded SQLite file (WAL): one row per golden record (the record as JSON,
/// with its e-mail and phone as indexed columns) and one row per distinct conflict.
/// </summary>
public sealed class SqliteGoldenGuestStore : IGoldenGuestStore
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS golden_guests (
            id TEXT PRIMARY KEY,
            version INTEGER NOT NULL,
            email TEXT NULL,
            phone TEXT NULL,
            body TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS golden_guests_email ON golden_guests (email);
        CREATE INDEX IF NOT EXISTS golden_guests_phone ON golden_guests (phone);
        CREATE TABLE IF NOT EXISTS guest_conflicts (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            fingerprint TEXT NOT NULL UNIQUE,
            golden_id TEXT NOT NULL,
            body TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS guest_conflicts_golden ON guest_conflicts (golden_id);
        """;

    private readonly string _connectionString;
    private volatile bool _schemaReady;

    /// <summary>Initializes a new instance of the <see cref="SqliteGoldenGuestStore"/> class.</summary>
    /// <param name="databasePath">The SQLite file; created with its tables when absent.</param>
    public SqliteGoldenGuestStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString();
    }

    /// <inheritdoc />
    public async Task<GoldenGuest?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        return await ReadOneAsync(connection, "SELECT body FROM golden_guests WHERE id = $key", id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<GoldenGuest?> FindAsync(string? email, string? phone, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        if (email is not null
            && await ReadOneAsync(connection, "SELECT body FROM golden_guests WHERE email = $key ORDER BY id LIMIT 1", email, cancellationToken).ConfigureAwait(false) is { } byEmail)
        {
            return byEmail;
        }

        return phone is null
            ? null
            : await ReadOneAsync(connection, "SELECT body FROM golden_guests WHERE phone = $key ORDER BY id LIMIT 1", phone, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<GoldenGuest> SaveAsync(GoldenGuest guest, IReadOnlyList<GuestFieldConflict> conflicts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(guest);
        ArgumentNullException.ThrowIfNull(conflicts);
        var saved = guest with { Version = guest.Version + 1 };
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);

        var update = connection.CreateCommand();
        await using (update.ConfigureAwait(false))
        {
            var command = update;
            command.Transaction = transaction;
            command.CommandText = guest.Version == 0
                ? "INSERT INTO golden_guests (id, version, email, phone, body) VALUES ($id, $version, $email, $phone, $body) ON CONFLICT (id) DO NOTHING"
                : "UPDATE golden_guests SET version = $version, email = $email, phone = $phone, body = $body WHERE id = $id AND version = $expected";
            command.Parameters.AddWithValue("$id", saved.Id);
            command.Parameters.AddWithValue("$version", saved.Version);
            command.Parameters.AddWithValue("$expected", guest.Version);
            command.Parameters.AddWithValue("$email", (object?)saved[GuestField.Email] ?? DBNull.Value);
            command.Parameters.AddWithValue("$phone", (object?)saved[GuestField.Phone] ?? DBNull.Value);
            command.Parameters.AddWithValue("$body", JsonSerializer.Serialize(saved, GuestSyncJson.Default.GoldenGuest));
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                throw new GoldenGuestConcurrencyException(string.Create(CultureInfo.InvariantCulture, $"Golden guest {guest.Id} was saved by another sync since version {guest.Version} was read; sync it again."));
            }
        }

        foreach (var conflict in conflicts)
        {
            var command = connection.CreateCommand();
            await using var commandScope = command.ConfigureAwait(false);
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO guest_conflicts (fingerprint, golden_id, body) VALUES ($fingerprint, $golden, $body) ON CONFLICT (fingerprint) DO NOTHING";
            command.Parameters.AddWithValue("$fingerprint", conflict.Fingerprint);
            command.Parameters.AddWithValue("$golden", conflict.GoldenGuestId);
            command.Parameters.AddWithValue("$body", JsonSerializer.Serialize(conflict, GuestSyncJson.Default.GuestFieldConflict));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return saved;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<GuestFieldConflict>> GetConflictsAsync(string goldenGuestId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(goldenGuestId);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var command = connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.CommandText = "SELECT body FROM guest_conflicts WHERE golden_id = $key ORDER BY seq";
        command.Parameters.AddWithValue("$key", goldenGuestId);
        List<GuestFieldConflict> conflicts = [];
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            conflicts.Add(JsonSerializer.Deserialize(reader.GetString(0), GuestSyncJson.Default.GuestFieldConflict)!);
        }

        return conflicts;
    }

    private static async Task<GoldenGuest?> ReadOneAsync(SqliteConnection connection, string sql, string key, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using var commandScope = command.ConfigureAwait(false);
        command.CommandText = sql;
        command.Parameters.AddWithValue("$key", key);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string body
            ? JsonSerializer.Deserialize(body, GuestSyncJson.Default.GoldenGuest)
            : null;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // The schema is idempotent (IF NOT EXISTS), so two first calls racing each run it harmlessly: no lock needed.
            if (!_schemaReady)
            {
                var command = connection.CreateCommand();
                await using var commandScope = command.ConfigureAwait(false);
                command.CommandText = Schema;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                _schemaReady = true;
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

/// <summary>The source-generated JSON of the stored records.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(GoldenGuest))]
[JsonSerializable(typeof(GuestFieldConflict))]
internal sealed partial class GuestSyncJson : JsonSerializerContext;
