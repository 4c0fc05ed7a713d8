using System.Net;
using System.Text.Json;
using HotelPlatform.Connectors.Cloudbeds.Wire;
using HotelPlatform.Connectors.Http;

namespace HotelPlatform.Connectors.Cloudbeds;

/// <summary>
/// Cloudbeds' dialect for the runtime's response classification. Many business errors come back as HTTP 200 with
/// <c>{"success": false, "message": "..."}</c> (the v1.3 document declares only 200 for every operation), so every
/// answer's envelope is read: <c>success:false</c> is a failure, never data. Cloudbeds publishes no error codes, so the
/// kind is taken from the message (<see cref="KindOf"/>); the failure carries the status Cloudbeds meant (404, 409,
/// 400, 401, 429), so a rate-limit refusal pauses the account and is retried like a 429, and nothing else is retried.
/// Real 4xx/5xx answers (401 with an OAuth-style body, 400) classify by status, their message read from the body.
/// </summary>
internal sealed class CloudbedsResponseClassifier : PmsResponseClassifier
{
    /// <summary>The response header Cloudbeds adds to every answer ("X-Request-ID is added to response headers in all calls").</summary>
    public const string RequestIdHeader = "X-Request-ID";

    /// <summary>The largest answer whose envelope is read; a list of 100 reservations fits.</summary>
    private const int MaxEnvelopeBytes = 4 * 1024 * 1024;

    public static CloudbedsResponseClassifier Instance { get; } = new();

    /// <summary>The failure kind a <c>success:false</c> message means; validation when it says nothing more specific.</summary>
    /// <param name="message">Cloudbeds' message.</param>
    /// <returns>The kind and the HTTP status it stands for.</returns>
    public static (PmsFailureKind Kind, HttpStatusCode Status) KindOf(string? message)
    {
        var text = message ?? string.Empty;
        bool Says(params string[] words) => words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
        if (Says("rate limit", "too many requests", "requests per second"))
        {
            return (PmsFailureKind.RateLimited, HttpStatusCode.TooManyRequests);
        }

        if (Says("access denied", "access_denied", "unauthorized", "invalid token", "invalid api key", "api key", "expired token", "not authorized", "permission", "inactive property", "not covered"))
        {
            return (PmsFailureKind.Authentication, HttpStatusCode.Unauthorized);
        }

        if (Says("not found", "does not exist", "doesn't exist"))
        {
            return (PmsFailureKind.NotFound, HttpStatusCode.NotFound);
        }

        if (Says("not available", "no availability", "unavailable", "sold out", "fully booked", "cannot be modified", "can't be modified", "cannot be canceled", "cannot be cancelled", "already"))
        {
            return (PmsFailureKind.Conflict, HttpStatusCode.Conflict);
        }

        return (PmsFailureKind.Validation, HttpStatusCode.BadRequest);
    }

    /// <inheritdoc />
    public override async ValueTask<PmsResponseClassification> ClassifyAsync(PmsResponseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if ((int)context.Response.StatusCode >= 300)
        {
            return await base.ClassifyAsync(context, cancellationToken).ConfigureAwait(false);
        }

        var status = ReadStatus(await context.ReadBodyAsync(MaxEnvelopeBytes, cancellationToken).ConfigureAwait(false));
        if (status is null || status.Success)
        {
            return PmsResponseClassification.Success;
        }

        var (kind, meant) = KindOf(status.Message);
        var error = context.CreateError(meant) with
        {
            Kind = kind,
            Messages = string.IsNullOrWhiteSpace(status.Message) ? [] : [status.Message],
            ConflictReason = kind == PmsFailureKind.Conflict ? ConflictReasonOf(status.Message) : PmsConflictReason.Unspecified,

            // Cloudbeds answered and refused: the write was not applied.
            OutcomeKnown = true,
        };
        return kind == PmsFailureKind.RateLimited ? PmsResponseClassification.Transient(error) : PmsResponseClassification.Failed(error);
    }

    /// <inheritdoc />
    protected override async ValueTask<PmsVendorError> ReadErrorAsync(PmsResponseContext context, PmsVendorError error, CancellationToken cancellationToken)
    {
        var body = await context.ReadBodyAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return ReadOAuthStyle(body) is { } read ? error with { Messages = [read.Message], ErrorCode = read.Code } : error;
    }

    private static PmsConflictReason ConflictReasonOf(string? message) =>
        message is not null && (message.Contains("availab", StringComparison.OrdinalIgnoreCase) || message.Contains("sold out", StringComparison.OrdinalIgnoreCase) || message.Contains("fully booked", StringComparison.OrdinalIgnoreCase))
            ? PmsConflictReason.NoAvailability
            : PmsConflictReason.InvalidState;

    private static CloudbedsStatus? ReadStatus(string? body)
    {
        if (string.IsNullOrEmpty(body) || body[0] != '{')
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, CloudbedsJsonContext.Default.CloudbedsStatus);
        }
        catch (JsonException)
        {
            // Not an envelope: the reader reports what it cannot read.
            return null;
        }
    }

    /// <summary>The message of a non-2xx body: <c>{"error": "access_denied", "message": ...}</c>, <c>{"error": ..., "error_description": ...}</c> or the envelope.</summary>
    private static (string Message, string? Code)? ReadOAuthStyle(string? body)
    {
        if (string.IsNullOrEmpty(body) || body[0] != '{')
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            var message = Text("message") ?? Text("error_description");
            return message is null ? null : (message, Text("error"));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>Reads the answers of <see cref="ICloudbedsApi"/> with the runtime's <see cref="PmsResponseReader"/>.</summary>
internal sealed class CloudbedsResponses() : PmsResponseReader(PmsVendors.Cloudbeds)
{
    public static CloudbedsResponses Instance { get; } = new();
}
