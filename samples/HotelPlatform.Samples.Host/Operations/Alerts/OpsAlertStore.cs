using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace HotelPlatform.Samples.Host.Operations.Alerts;

/// <summary>The states of an alert's lifecycle.</summary>
internal static class OpsAlertStates
{
    public const string Firing = "firing";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";
}

/// <summary>An alert: fired when its rule's condition began to hold, acknowledged by an admin (who, when), resolved when the condition stopped holding.</summary>
internal sealed record OpsAlert(
    long Id,
    string Rule,
    string Subject,
    string Message,
    DateTimeOffset FiredAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    DateTimeOffset? ResolvedAt)
{
    /// <summary>Gets the lifecycle state (<see cref="OpsAlertStates"/>).</summary>
    public string State => ResolvedAt is not null ? OpsAlertStates.Resolved : AcknowledgedAt is not null ? OpsAlertStates.Acknowledged : OpsAlertStates.Firing;
}

/// <summary>One webhook notification of an alert change: delivered, waiting for its next attempt, or failed for good.</summary>
internal sealed record OpsAlertNotification(long Id, long AlertId, string Event, Uri Url, string Payload, int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? DeliveredAt, DateTimeOffset? FailedAt, string? LastError);

/// <summary>The JSON body posted to every notification address.</summary>
internal sealed record OpsAlertNotice(string Event, OpsAlertNoticeAlert Alert);

/// <summary>The alert as the notification describes it.</summary>
internal sealed record OpsAlertNoticeAlert(long Id, string Rule, string Subject, string Message, string State, DateTimeOffset FiredAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, DateTimeOffset? ResolvedAt);

/// <summary>Source-generated JSON of the notification body.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(OpsAlertNotice))]
internal sealed partial class OpsAlertJson : JsonSerializerContext;

/// <summary>
/// The alerts and their notification outbox in one SQLite file (WAL, <c>synchronous=FULL</c>, as the webhook inbox):
/// an alert change and the notifications it causes are committed in one transaction, so a restart loses neither and a
/// notification is never sent for a change that was not kept. A partial unique index allows one open alert per rule and
/// subject, so the same condition cannot fire twice — not even after a restart or from two evaluations at once.
/// </summary>
internal sealed class OpsAlertStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS ops_alerts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            rule TEXT NOT NULL,
            subject TEXT NOT NULL,
            message TEXT NOT NULL,
            fired_at INTEGER NOT NULL,
            acknowledged_at INTEGER NULL,
            acknowledged_by TEXT NULL,
            resolved_at INTEGER NULL);
        CREATE UNIQUE INDEX IF NOT EXISTS ops_alerts_open ON ops_alerts (rule, subject) WHERE resolved_at IS NULL;
        CREATE TABLE IF NOT EXISTS ops_alert_notifications (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            alert_id INTEGER NOT NULL REFERENCES ops_alerts (id),
            event TEXT NOT NULL,
            url TEXT NOT NULL,
            payload TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            delivered_at INTEGER NULL,
            failed_at INTEGER NULL,
            last_error TEXT NULL);
        CREATE INDEX IF NOT EXISTS ops_alert_notifications_due ON ops_alert_notifications (next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;
        """;

    private const string AlertColumns = "id AS Id, rule AS Rule, subject AS Subject, message AS Message, fired_at AS FiredAt, acknowledged_at AS AcknowledgedAt, acknowledged_by AS AcknowledgedBy, resolved_at AS ResolvedAt";

    private const string NotificationColumns = "id AS Id, alert_id AS AlertId, event AS Event, url AS Url, payload AS Payload, attempts AS Attempts, next_attempt_at AS NextAttemptAt, delivered_at AS DeliveredAt, failed_at AS FailedAt, last_error AS LastError";

    private readonly string _connectionString;
    private readonly Lazy<Task> _schema;
    private long _version;

    public OpsAlertStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 30 }.ToString();
        _schema = new Lazy<Task>(CreateSchemaAsync);
    }

    /// <summary>Gets a number that grows with every change (the live page sends a snapshot when it changed).</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>The alerts not yet resolved.</summary>
    public async Task<IReadOnlyList<OpsAlert>> OpenAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return [.. (await connection.QueryAsync<AlertRow>(new CommandDefinition($"SELECT {AlertColumns} FROM ops_alerts WHERE resolved_at IS NULL ORDER BY id", cancellationToken: cancellationToken)).ConfigureAwait(false)).Select(r => r.ToAlert())];
    }

    /// <summary>The open alerts, then the most recently resolved ones, at most <paramref name="limit"/> in all.</summary>
    public async Task<IReadOnlyList<OpsAlert>> RecentAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<AlertRow>(new CommandDefinition(
            $"SELECT {AlertColumns} FROM ops_alerts ORDER BY resolved_at IS NOT NULL, COALESCE(resolved_at, fired_at) DESC, id DESC LIMIT @limit", new { limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToAlert())];
    }

    /// <summary>Fires an alert for the condition and queues its notifications, unless one is already open for the rule and subject.</summary>
    /// <returns>The new alert, or null when one was open.</returns>
    public async Task<OpsAlert?> FireAsync(OpsAlertCondition condition, DateTimeOffset now, IReadOnlyList<Uri> notify, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT OR IGNORE INTO ops_alerts (rule, subject, message, fired_at) VALUES (@Rule, @Subject, @Message, @now)",
            new { condition.Rule, condition.Subject, condition.Message, now = now.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (inserted == 0)
        {
            return null;
        }

        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT last_insert_rowid()", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return await ChangedAsync(connection, transaction, id, "fired", now, notify, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records that an admin acknowledged a firing alert, and queues its notifications.</summary>
    /// <returns>The alert, or null when there is no firing alert with the id (unknown, already acknowledged or resolved).</returns>
    public async Task<OpsAlert?> AcknowledgeAsync(long id, string user, DateTimeOffset now, IReadOnlyList<Uri> notify, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE ops_alerts SET acknowledged_at = @now, acknowledged_by = @user WHERE id = @id AND acknowledged_at IS NULL AND resolved_at IS NULL",
            new { id, user, now = now.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return changed == 0 ? null : await ChangedAsync(connection, transaction, id, "acknowledged", now, notify, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Resolves an open alert and queues its notifications.</summary>
    /// <returns>The alert, or null when it was not open.</returns>
    public async Task<OpsAlert?> ResolveAsync(long id, DateTimeOffset now, IReadOnlyList<Uri> notify, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE ops_alerts SET resolved_at = @now WHERE id = @id AND resolved_at IS NULL",
            new { id, now = now.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return changed == 0 ? null : await ChangedAsync(connection, transaction, id, "resolved", now, notify, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The notifications due for delivery, oldest first.</summary>
    public async Task<IReadOnlyList<OpsAlertNotification>> DueNotificationsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<NotificationRow>(new CommandDefinition(
            $"SELECT {NotificationColumns} FROM ops_alert_notifications WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= @now ORDER BY id LIMIT @limit",
            new { now = now.ToUnixTimeMilliseconds(), limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToNotification())];
    }

    /// <summary>Every notification of an alert (or of all alerts), oldest first.</summary>
    public async Task<IReadOnlyList<OpsAlertNotification>> NotificationsAsync(long? alertId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<NotificationRow>(new CommandDefinition(
            $"SELECT {NotificationColumns} FROM ops_alert_notifications WHERE @alertId IS NULL OR alert_id = @alertId ORDER BY id", new { alertId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToNotification())];
    }

    /// <summary>Records the outcome of one delivery attempt: delivered, due again at <paramref name="retryAt"/>, or failed for good when that is null.</summary>
    public async Task RecordAttemptAsync(long id, DateTimeOffset now, string? error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE ops_alert_notifications SET attempts = attempts + 1, last_error = @error,
                delivered_at = CASE WHEN @error IS NULL THEN @now END,
                failed_at = CASE WHEN @error IS NOT NULL AND @retryAt IS NULL THEN @now END,
                next_attempt_at = COALESCE(@retryAt, next_attempt_at)
            WHERE id = @id
            """,
            new { id, error, now = now.ToUnixTimeMilliseconds(), retryAt = retryAt?.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private async Task<OpsAlert> ChangedAsync(SqliteConnection connection, System.Data.Common.DbTransaction transaction, long id, string change, DateTimeOffset now, IReadOnlyList<Uri> notify, CancellationToken cancellationToken)
    {
        var alert = (await connection.QuerySingleAsync<AlertRow>(new CommandDefinition($"SELECT {AlertColumns} FROM ops_alerts WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToAlert();
        var payload = JsonSerializer.Serialize(
            new OpsAlertNotice(change, new OpsAlertNoticeAlert(alert.Id, alert.Rule, alert.Subject, alert.Message, alert.State, alert.FiredAt, alert.AcknowledgedAt, alert.AcknowledgedBy, alert.ResolvedAt)),
            OpsAlertJson.Default.OpsAlertNotice);
        foreach (var url in notify)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO ops_alert_notifications (alert_id, event, url, payload, next_attempt_at) VALUES (@id, @change, @url, @payload, @now)",
                new { id, change, url = url.ToString(), payload, now = now.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _version);
        return alert;
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        await _schema.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await OpenRawAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;", cancellationToken: cancellationToken)).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task CreateSchemaAsync()
    {
        await using var connection = await OpenRawAsync(CancellationToken.None).ConfigureAwait(false);
        await connection.ExecuteAsync(Schema).ConfigureAwait(false);
    }

    private static DateTimeOffset? Time(long? unixMilliseconds) => unixMilliseconds is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    /// <summary>A row as SQLite returns it (times as Unix milliseconds).</summary>
    private sealed class AlertRow
    {
        public long Id { get; init; }

        public string Rule { get; init; } = string.Empty;

        public string Subject { get; init; } = string.Empty;

        public string Message { get; init; } = string.Empty;

        public long FiredAt { get; init; }

        public long? AcknowledgedAt { get; init; }

        public string? AcknowledgedBy { get; init; }

        public long? ResolvedAt { get; init; }

        public OpsAlert ToAlert() => new(Id, Rule, Subject, Message, DateTimeOffset.FromUnixTimeMilliseconds(FiredAt), Time(AcknowledgedAt), AcknowledgedBy, Time(ResolvedAt));
    }

    /// <summary>A notification row as SQLite returns it.</summary>
    private sealed class NotificationRow
    {
        public long Id { get; init; }

        public long AlertId { get; init; }

        public string Event { get; init; } = string.Empty;

        public string Url { get; init; } = string.Empty;

        public string Payload { get; init; } = string.Empty;

        public long Attempts { get; init; }

        public long NextAttemptAt { get; init; }

        public long? DeliveredAt { get; init; }

        public long? FailedAt { get; init; }

        public string? LastError { get; init; }

        public OpsAlertNotification ToNotification() =>
            new(Id, AlertId, Event, new Uri(Url), Payload, (int)Attempts, DateTimeOffset.FromUnixTimeMilliseconds(NextAttemptAt), Time(DeliveredAt), Time(FailedAt), LastError);
    }
}
