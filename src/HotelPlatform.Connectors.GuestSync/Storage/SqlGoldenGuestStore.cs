using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HotelPlatform.Connectors.GuestSync;

/// <summary>
/// The golden store on a relational database (ADO.NET): <c>golden_guests</c>, one row per golden record (the record as
/// JSON, with its e-mail and phone as indexed columns), and <c>guest_conflicts</c>, one row per distinct conflict. The
/// same SQL runs on SQLite and PostgreSQL; a dialect supplies the connection, the schema and how it reports a unique
/// violation. Two golden records never share an e-mail address, nor (when neither has an e-mail) a phone number: unique
/// indexes, so two syncs of the same new guest, on one host or several, cannot both create a record.
/// </summary>
public abstract class SqlGoldenGuestStore : IGoldenGuestStore
{
    private readonly Lock _schemaGate = new();
    private Task? _schema;

    /// <summary>Gets the statements that create the tables and indexes if they do not exist, run once in a transaction before first use; <see cref="TableDefinitions"/> gives them.</summary>
    protected abstract string SchemaSql { get; }

    /// <summary>Gets a statement run once before the schema, outside a transaction (SQLite's <c>journal_mode</c>); <see langword="null"/> for none.</summary>
    protected virtual string? PrepareSql => null;

    /// <summary>The tables for a dialect's schema.</summary>
    /// <param name="integer">The dialect's 64-bit integer type.</param>
    /// <param name="sequenceColumn">The definition of the conflicts' ascending key column <c>seq</c>.</param>
    /// <returns>Both tables and their indexes.</returns>
    protected static string TableDefinitions(string integer, string sequenceColumn) =>
        $"""
        CREATE TABLE IF NOT EXISTS golden_guests (
            id TEXT PRIMARY KEY,
            version {integer} NOT NULL,
            email TEXT NULL,
            phone TEXT NULL,
            body TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS golden_guests_email ON golden_guests (email);
        CREATE INDEX IF NOT EXISTS golden_guests_phone ON golden_guests (phone);
        CREATE UNIQUE INDEX IF NOT EXISTS golden_guests_email_key ON golden_guests (email) WHERE email IS NOT NULL;
        CREATE UNIQUE INDEX IF NOT EXISTS golden_guests_phone_key ON golden_guests (phone) WHERE email IS NULL AND phone IS NOT NULL;
        CREATE TABLE IF NOT EXISTS guest_conflicts (
            {sequenceColumn},
            fingerprint TEXT NOT NULL UNIQUE,
            golden_id TEXT NOT NULL,
            body TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS guest_conflicts_golden ON guest_conflicts (golden_id);
        """;

    /// <inheritdoc />
    public async Task<GoldenGuest?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        return await ReadOneAsync(connection, "SELECT body FROM golden_guests WHERE id = @key", id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<GoldenGuest?> FindAsync(string? email, string? phone, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        if (email is not null
            && await ReadOneAsync(connection, "SELECT body FROM golden_guests WHERE email = @key ORDER BY id LIMIT 1", email, cancellationToken).ConfigureAwait(false) is { } byEmail)
        {
            return byEmail;
        }

        return phone is null
            ? null
            : await ReadOneAsync(connection, "SELECT body FROM golden_guests WHERE phone = @key ORDER BY id LIMIT 1", phone, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<GoldenGuest> SaveAsync(GoldenGuest guest, IReadOnlyList<GuestFieldConflict> conflicts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(guest);
        ArgumentNullException.ThrowIfNull(conflicts);
        var saved = guest with { Version = guest.Version + 1 };
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);

        // A new record yields to any existing row holding its id, e-mail or phone (ON CONFLICT without a target covers
        // every unique index): the other sync created the guest first.
        var sql = guest.Version == 0
            ? "INSERT INTO golden_guests (id, version, email, phone, body) VALUES (@id, @version, @email, @phone, @body) ON CONFLICT DO NOTHING"
            : "UPDATE golden_guests SET version = @version, email = @email, phone = @phone, body = @body WHERE id = @id AND version = @expected";
        int saves;
        try
        {
            saves = await ExecuteAsync(connection, transaction, sql, cancellationToken,
                ("id", saved.Id), ("version", saved.Version), ("expected", guest.Version), ("email", saved[GuestField.Email]), ("phone", saved[GuestField.Phone]),
                ("body", JsonSerializer.Serialize(saved, GuestSyncJson.Default.GoldenGuest))).ConfigureAwait(false);
        }
        catch (DbException exception) when (IsUniqueViolation(exception))
        {
            throw new GoldenGuestConcurrencyException(string.Create(CultureInfo.InvariantCulture,
                $"Golden guest {guest.Id} would take an e-mail address or phone number another golden record holds; sync it again (the sync then finds that record)."), exception);
        }

        if (saves != 1)
        {
            throw new GoldenGuestConcurrencyException(guest.Version == 0
                ? "Another sync created the golden record of this guest (same e-mail address or phone number) first; sync it again."
                : string.Create(CultureInfo.InvariantCulture, $"Golden guest {guest.Id} was saved by another sync, or erased, since version {guest.Version} was read; sync it again."));
        }

        foreach (var conflict in conflicts)
        {
            await ExecuteAsync(connection, transaction,
                "INSERT INTO guest_conflicts (fingerprint, golden_id, body) VALUES (@fingerprint, @golden, @body) ON CONFLICT (fingerprint) DO NOTHING", cancellationToken,
                ("fingerprint", conflict.Fingerprint), ("golden", conflict.GoldenGuestId), ("body", JsonSerializer.Serialize(conflict, GuestSyncJson.Default.GuestFieldConflict))).ConfigureAwait(false);
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
        var command = Command(connection, null, "SELECT body FROM guest_conflicts WHERE golden_id = @key ORDER BY seq", ("key", goldenGuestId));
        await using var commandScope = command.ConfigureAwait(false);
        List<GuestFieldConflict> conflicts = [];
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            conflicts.Add(JsonSerializer.Deserialize(reader.GetString(0), GuestSyncJson.Default.GuestFieldConflict)!);
        }

        return conflicts;
    }

    /// <inheritdoc />
    public async Task<bool> EraseAsync(string goldenGuestId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(goldenGuestId);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);
        var conflicts = await ExecuteAsync(connection, transaction, "DELETE FROM guest_conflicts WHERE golden_id = @key", cancellationToken, ("key", goldenGuestId)).ConfigureAwait(false);
        var records = await ExecuteAsync(connection, transaction, "DELETE FROM golden_guests WHERE id = @key", cancellationToken, ("key", goldenGuestId)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return records + conflicts > 0;
    }

    /// <summary>Opens a connection to the database.</summary>
    /// <param name="cancellationToken">A token that cancels the work.</param>
    /// <returns>The open connection; the store disposes it.</returns>
    protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Tells whether an error is the database refusing a row that breaks a unique index.</summary>
    /// <param name="exception">The error.</param>
    /// <returns><see langword="true"/> for a unique violation.</returns>
    protected abstract bool IsUniqueViolation(DbException exception);

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var command = Command(connection, transaction, sql, parameters);
        await using var commandScope = command.ConfigureAwait(false);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<GoldenGuest?> ReadOneAsync(DbConnection connection, string sql, string key, CancellationToken cancellationToken)
    {
        var command = Command(connection, null, sql, ("key", key));
        await using var commandScope = command.ConfigureAwait(false);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string body
            ? JsonSerializer.Deserialize(body, GuestSyncJson.Default.GoldenGuest)
            : null;
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Task schema;
            lock (_schemaGate)
            {
                // A failed creation is not cached: the next call tries again.
                _schema = _schema is { IsFaulted: false, IsCanceled: false } ready ? ready : CreateSchemaAsync(connection, cancellationToken);
                schema = _schema;
            }

            await schema.ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task CreateSchemaAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (PrepareSql is { } prepare)
        {
            await ExecuteAsync(connection, null, prepare, cancellationToken).ConfigureAwait(false);
        }

        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, SchemaSql, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The source-generated JSON of the stored records.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(GoldenGuest))]
[JsonSerializable(typeof(GuestFieldConflict))]
internal sealed partial class GuestSyncJson : JsonSerializerContext;
