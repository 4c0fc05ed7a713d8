using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;

namespace HotelPlatform.Connectors.Mirror;

/// <summary>
/// The mirror on a relational database (Dapper over ADO.NET): <c>pms_mirror_reservations</c>, one row per (hotel,
/// reservation) with the reservation as JSON and the columns reads filter on, <c>pms_mirror_guests</c>, one row per guest
/// of a reservation (the primary one at position 0, companions after) for guest searches, and <c>pms_mirror_hotels</c>,
/// one row per hotel with its freshness. The same SQL runs on SQLite and PostgreSQL; a dialect supplies the connection and the
/// schema. A version only replaces an older one, inside one upsert statement, so concurrent appliers (threads or
/// hosts) can never let an older copy win. Instants are Unix milliseconds, dates day numbers.
/// </summary>
public abstract class SqlPmsReservationMirror : IPmsReservationMirror
{
    private const string Columns =
        "hotel_id AS HotelId, payload AS Payload, source AS Source, stored_at AS StoredAt, removed_at AS RemovedAt";

    private const string UpsertReservationSql =
        """
        INSERT INTO pms_mirror_reservations (hotel_id, reservation_id, confirmation_number, status, arrival_day, departure_day,
            version, content_hash, payload, source, stored_at, removed_at)
        VALUES (@HotelId, @ReservationId, @ConfirmationNumber, @Status, @ArrivalDay, @DepartureDay,
            @Version, @ContentHash, @Payload, @Source, @StoredAt, NULL)
        ON CONFLICT (hotel_id, reservation_id) DO UPDATE SET
            confirmation_number = excluded.confirmation_number, status = excluded.status,
            arrival_day = excluded.arrival_day, departure_day = excluded.departure_day,
            version = excluded.version, content_hash = excluded.content_hash, payload = excluded.payload,
            source = excluded.source, stored_at = excluded.stored_at, removed_at = NULL
        WHERE excluded.version > pms_mirror_reservations.version
           OR (excluded.version = pms_mirror_reservations.version AND excluded.content_hash <> pms_mirror_reservations.content_hash
               AND pms_mirror_reservations.removed_at IS NULL)
        """;

    // A removal keeps the copy (cancelled) and raises its version to the removal's, so that no copy read before the
    // PMS deleted the reservation (a late webhook, a replayed dead letter) can bring it back.
    private static readonly string RemoveReservationSql =
        $"""
        UPDATE pms_mirror_reservations SET status = '{nameof(ReservationStatus.Cancelled)}', removed_at = @RemovedAt,
            version = CASE WHEN version < @RemovedAt THEN @RemovedAt ELSE version END, source = @Source, stored_at = @StoredAt
        WHERE hotel_id = @HotelId AND reservation_id = @ReservationId AND removed_at IS NULL
        """;

    private const string DeleteGuestsSql = "DELETE FROM pms_mirror_guests WHERE hotel_id = @HotelId AND reservation_id = @ReservationId";

    private const string InsertGuestSql =
        """
        INSERT INTO pms_mirror_guests (hotel_id, reservation_id, position, email, phone, last_name, first_name)
        VALUES (@HotelId, @ReservationId, @Position, @Email, @Phone, @LastName, @FirstName)
        """;

    private static readonly string UpsertHotelSql =
        $"""
        INSERT INTO pms_mirror_hotels (hotel_id, last_event_at, last_event_occurred_at, last_reconciled_at)
        VALUES (@HotelId, @LastEventAt, @LastEventOccurredAt, @LastReconciledAt)
        ON CONFLICT (hotel_id) DO UPDATE SET
            last_event_at = {Later("last_event_at")},
            last_event_occurred_at = {Later("last_event_occurred_at")},
            last_reconciled_at = {Later("last_reconciled_at")}
        """;

    private readonly Lock _schemaGate = new();
    private Task? _schema;

    /// <summary>Gets the statements that create the tables and indexes if they do not exist, run once in a transaction before first use; <see cref="TableColumns"/> gives the columns.</summary>
    protected abstract string SchemaSql { get; }

    /// <summary>Gets a statement run once before the schema, outside a transaction (SQLite's <c>journal_mode</c>, which a transaction cannot change); <see langword="null"/> for none.</summary>
    protected virtual string? PrepareSql => null;

    /// <summary>The tables' definitions for a dialect's <c>CREATE TABLE IF NOT EXISTS</c> statements.</summary>
    /// <param name="integer">The dialect's 64-bit integer type.</param>
    /// <returns>Both tables and their indexes.</returns>
    protected static string TableColumns(string integer) =>
        $"""
        CREATE TABLE IF NOT EXISTS pms_mirror_reservations (
            hotel_id TEXT NOT NULL,
            reservation_id TEXT NOT NULL,
            confirmation_number TEXT NULL,
            status TEXT NOT NULL,
            arrival_day {integer} NOT NULL,
            departure_day {integer} NOT NULL,
            version {integer} NOT NULL,
            content_hash TEXT NOT NULL,
            payload TEXT NOT NULL,
            source {integer} NOT NULL,
            stored_at {integer} NOT NULL,
            removed_at {integer} NULL,
            PRIMARY KEY (hotel_id, reservation_id));
        CREATE INDEX IF NOT EXISTS pms_mirror_stay ON pms_mirror_reservations (hotel_id, arrival_day);
        CREATE TABLE IF NOT EXISTS pms_mirror_guests (
            hotel_id TEXT NOT NULL,
            reservation_id TEXT NOT NULL,
            position {integer} NOT NULL,
            email TEXT NULL,
            phone TEXT NULL,
            last_name TEXT NULL,
            first_name TEXT NULL,
            PRIMARY KEY (hotel_id, reservation_id, position));
        CREATE INDEX IF NOT EXISTS pms_mirror_guest_email ON pms_mirror_guests (email);
        CREATE INDEX IF NOT EXISTS pms_mirror_guest_phone ON pms_mirror_guests (phone);
        CREATE INDEX IF NOT EXISTS pms_mirror_guest_last_name ON pms_mirror_guests (last_name);
        CREATE TABLE IF NOT EXISTS pms_mirror_hotels (
            hotel_id TEXT PRIMARY KEY,
            last_event_at {integer} NULL,
            last_event_occurred_at {integer} NULL,
            last_reconciled_at {integer} NULL);
        """;

    /// <inheritdoc />
    public async ValueTask<bool> ApplyAsync(PmsMirrorUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentException.ThrowIfNullOrEmpty(update.HotelId);
        if (update.Reservation is not null && update.RemovedReservationId is not null)
        {
            throw new ArgumentException("An update stores a reservation or marks one removed, not both.", nameof(update));
        }

        var observed = update.ObservedAt.ToUnixTimeMilliseconds();
        var fromEvents = update.Source is PmsMirrorSource.Webhook or PmsMirrorSource.Poll;
        var hotel = new
        {
            update.HotelId,
            LastEventAt = fromEvents ? observed : (long?)null,
            LastEventOccurredAt = fromEvents ? update.OccurredAt?.ToUnixTimeMilliseconds() : null,
            LastReconciledAt = fromEvents ? (long?)null : observed,
        };
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var stored = update switch
                {
                    { Reservation: { } reservation } => await StoreAsync(connection, transaction, update.HotelId, reservation, update.Source, observed, cancellationToken).ConfigureAwait(false),
                    { RemovedReservationId: { } removed } => await connection.ExecuteAsync(new CommandDefinition(
                        RemoveReservationSql,
                        new
                        {
                            update.HotelId,
                            ReservationId = removed,
                            RemovedAt = (update.OccurredAt ?? update.ObservedAt).ToUnixTimeMilliseconds(),
                            Source = (long)update.Source,
                            StoredAt = observed,
                        },
                        transaction,
                        cancellationToken: cancellationToken)).ConfigureAwait(false) == 1,
                    _ => false,
                };
                await connection.ExecuteAsync(new CommandDefinition(UpsertHotelSql, hotel, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return stored;
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<PmsMirroredReservation?> GetReservationAsync(string hotelId, string reservationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(hotelId);
        ArgumentException.ThrowIfNullOrEmpty(reservationId);
        var rows = await QueryAsync(
            $"SELECT {Columns} FROM pms_mirror_reservations WHERE hotel_id = @hotelId AND reservation_id = @reservationId",
            new { hotelId, reservationId },
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<PmsMirroredReservation>> FindByGuestAsync(GuestSearch search, string? hotelId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (!search.HasCriterion)
        {
            throw new ArgumentException("Give an e-mail, a phone or a last name.", nameof(search));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(search.MaxResults, 1, nameof(search));
        var criteria = new
        {
            hotelId,
            email = PmsMirrorKeys.Email(search.Email),
            phone = PmsMirrorKeys.Phone(search.Phone),
            lastName = PmsMirrorKeys.Name(search.LastName),
            firstName = PmsMirrorKeys.Name(search.FirstName),
            limit = search.MaxResults,
        };
        // Every criterion on one and the same guest of the reservation, primary or companion.
        var sql = new StringBuilder($"SELECT {Columns} FROM pms_mirror_reservations r WHERE EXISTS (SELECT 1 FROM pms_mirror_guests g")
            .Append(" WHERE g.hotel_id = r.hotel_id AND g.reservation_id = r.reservation_id");
        Append(criteria.email, " AND g.email = @email");
        Append(criteria.phone, " AND g.phone = @phone");
        Append(criteria.lastName, " AND g.last_name = @lastName");
        Append(criteria.firstName, " AND g.first_name = @firstName");
        sql.Append(')');
        Append(criteria.hotelId, " AND r.hotel_id = @hotelId");
        sql.Append(" ORDER BY r.arrival_day DESC, r.hotel_id, r.reservation_id LIMIT @limit");
        return QueryAsync(sql.ToString(), criteria, cancellationToken);

        void Append(string? value, string condition)
        {
            if (value is not null)
            {
                sql.Append(condition);
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<PmsMirroredReservation>> GetStaysAsync(string hotelId, DateOnly firstNight, DateOnly lastNight, bool includeCancelled, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(hotelId);
        ArgumentOutOfRangeException.ThrowIfLessThan(lastNight, firstNight);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);

        // A stay holds the nights arrival .. departure - 1: it overlaps the window when it arrives on or before the last
        // night and departs after the first.
        return QueryAsync(
            $"SELECT {Columns} FROM pms_mirror_reservations WHERE hotel_id = @hotelId AND arrival_day <= @last AND departure_day > @first" +
            (includeCancelled ? string.Empty : $" AND status <> '{nameof(ReservationStatus.Cancelled)}'") +
            " ORDER BY arrival_day, reservation_id LIMIT @limit",
            new { hotelId, first = (long)firstNight.DayNumber, last = (long)lastNight.DayNumber, limit },
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<PmsMirrorHotelState> GetHotelStateAsync(string hotelId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(hotelId);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM pms_mirror_reservations WHERE hotel_id = @hotelId", new { hotelId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var row = await connection.QuerySingleOrDefaultAsync<HotelRow>(new CommandDefinition(
                "SELECT last_event_at AS LastEventAt, last_event_occurred_at AS LastEventOccurredAt, last_reconciled_at AS LastReconciledAt FROM pms_mirror_hotels WHERE hotel_id = @hotelId",
                new { hotelId },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            return new PmsMirrorHotelState(hotelId, count, Instant(row?.LastEventAt), Instant(row?.LastEventOccurredAt), Instant(row?.LastReconciledAt));
        }
    }

    /// <summary>Opens a connection to the database, ready for statements (session settings applied).</summary>
    /// <param name="cancellationToken">A token that cancels the work.</param>
    /// <returns>The open connection, disposed by the caller.</returns>
    protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    private static string Later(string column) =>
        $"CASE WHEN pms_mirror_hotels.{column} IS NULL OR excluded.{column} > pms_mirror_hotels.{column} THEN excluded.{column} ELSE pms_mirror_hotels.{column} END";

    private static DateTimeOffset? Instant(long? unixMilliseconds) =>
        unixMilliseconds is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;

    /// <summary>Upserts a reservation and, when its row changed, rewrites its guest rows in the same transaction.</summary>
    private static async Task<bool> StoreAsync(DbConnection connection, DbTransaction transaction, string hotelId, Reservation reservation, PmsMirrorSource source, long observed, CancellationToken cancellationToken)
    {
        if (await connection.ExecuteAsync(new CommandDefinition(UpsertReservationSql, ToRow(hotelId, reservation, source, observed), transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) != 1)
        {
            return false;
        }

        var key = new { HotelId = hotelId, ReservationId = reservation.VendorId };
        await connection.ExecuteAsync(new CommandDefinition(DeleteGuestsSql, key, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var guests = GuestRows(hotelId, reservation).ToList();
        if (guests.Count > 0)
        {
            // Dapper runs the statement once per element.
            await connection.ExecuteAsync(new CommandDefinition(InsertGuestSql, guests, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>The searchable keys of every guest of a reservation (position 0 is the primary guest); guests without any key are left out.</summary>
    private static IEnumerable<object> GuestRows(string hotelId, Reservation reservation) =>
        ((IEnumerable<GuestProfile>)[reservation.PrimaryGuest, .. reservation.AdditionalGuests])
            .Select((guest, position) => new
            {
                HotelId = hotelId,
                ReservationId = reservation.VendorId,
                Position = (long)position,
                Email = PmsMirrorKeys.Email(guest.Email),
                Phone = PmsMirrorKeys.Phone(guest.Phone),
                LastName = PmsMirrorKeys.Name(guest.LastName),
                FirstName = PmsMirrorKeys.Name(guest.FirstName),
            })
            .Where(row => row.Email is not null || row.Phone is not null || row.LastName is not null);

    private static object ToRow(string hotelId, Reservation reservation, PmsMirrorSource source, long observed)
    {
        var payload = JsonSerializer.Serialize(reservation, PmsMirrorJson.Default.Reservation);
        return new
        {
            HotelId = hotelId,
            ReservationId = reservation.VendorId,
            reservation.ConfirmationNumber,
            Status = reservation.Status.ToString(),
            ArrivalDay = (long)reservation.Arrival.DayNumber,
            DepartureDay = (long)reservation.Departure.DayNumber,
            Version = PmsMirrorVersions.Of(reservation)?.ToUnixTimeMilliseconds() ?? 0L,
            ContentHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(payload))),
            Payload = payload,
            Source = (long)source,
            StoredAt = observed,
        };
    }

    private async ValueTask<IReadOnlyList<PmsMirroredReservation>> QueryAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync<ReservationRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return [.. rows.Select(ToMirrored)];
        }
    }

    private static PmsMirroredReservation ToMirrored(ReservationRow row)
    {
        var reservation = JsonSerializer.Deserialize(row.Payload, PmsMirrorJson.Default.Reservation) ?? throw new JsonException("A mirrored reservation is null.");
        return new PmsMirroredReservation(
            row.HotelId,
            row.RemovedAt is null ? reservation : reservation with { Status = ReservationStatus.Cancelled },
            (PmsMirrorSource)row.Source,
            DateTimeOffset.FromUnixTimeMilliseconds(row.StoredAt))
        {
            RemovedAt = Instant(row.RemovedAt),
        };
    }

    private async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the schema once per instance; a failed attempt (database down at start) is retried by the next call instead of being remembered.</summary>
    private Task EnsureSchemaAsync()
    {
        lock (_schemaGate)
        {
            if (_schema is null || _schema.IsFaulted || _schema.IsCanceled)
            {
                _schema = CreateSchemaAsync();
            }

            return _schema;
        }
    }

    private async Task CreateSchemaAsync()
    {
        var connection = await OpenConnectionAsync(CancellationToken.None).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            if (PrepareSql is { } prepare)
            {
                await connection.ExecuteAsync(prepare).ConfigureAwait(false);
            }

            var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await connection.ExecuteAsync(SchemaSql, transaction: transaction).ConfigureAwait(false);
                await transaction.CommitAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>A row as Dapper reads it (column aliases match the names).</summary>
    private sealed record ReservationRow(string HotelId, string Payload, long Source, long StoredAt, long? RemovedAt);

    /// <summary>A hotel's freshness row.</summary>
    private sealed record HotelRow(long? LastEventAt, long? LastEventOccurredAt, long? LastReconciledAt);
}

/// <summary>How guest criteria are normalised, the same way when stored and when searched.</summary>
internal static class PmsMirrorKeys
{
    public static string? Email(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    /// <summary>The digits only ("+49 (89) 123-45" and "0049 89 12345" differ: no country is assumed).</summary>
    public static string? Phone(string? phone)
    {
        var digits = phone is null ? string.Empty : new string([.. phone.Where(char.IsAsciiDigit)]);
        return digits.Length == 0 ? null : digits;
    }

    public static string? Name(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : name.Trim().ToLower(CultureInfo.InvariantCulture);
}
