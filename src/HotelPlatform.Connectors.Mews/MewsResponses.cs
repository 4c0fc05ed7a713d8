using System.Net;
using System.Text.Json;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Mews.Wire;

namespace HotelPlatform.Connectors.Mews;

/// <summary>What one Mews call is, for the exception its failure becomes.</summary>
/// <param name="Operation">The connector operation, for example <c>CreateReservation</c>.</param>
internal sealed record MewsCall(string Operation) : PmsCall(Operation)
{
    /// <summary>Gets a value indicating whether a 403 (a business rule) may mean the stay cannot be sold: creates and stay changes.</summary>
    public bool RefusalMayMeanNoAvailability { get; init; }

    /// <summary>Gets a value indicating whether a 403 is a <see cref="PmsConflictException"/> (<see cref="PmsConflictReason.InvalidState"/>): actions Mews allows only in some states (cancelling a checked-in reservation).</summary>
    public bool RefusalMeansInvalidState { get; init; }
}

/// <summary>
/// Mews' dialect for the runtime's response classification (guidelines/responses.md): the error body
/// <c>{Message, RequestId, Details}</c> read into the failure (the <c>Request-Id</c> header kept by the pipeline), and 403,
/// which Mews uses for "business-rule/validation failure to show to the end user", read as a validation failure, not
/// as refused credentials (Mews answers those 401).
/// </summary>
internal sealed class MewsResponseClassifier : PmsResponseClassifier
{
    /// <summary>The header every Mews answer carries with the request's id.</summary>
    public const string RequestIdHeader = "Request-Id";

    public static MewsResponseClassifier Instance { get; } = new();

    protected override async ValueTask<PmsVendorError> ReadErrorAsync(PmsResponseContext context, PmsVendorError error, CancellationToken cancellationToken)
    {
        var body = Parse(await context.ReadBodyAsync(cancellationToken: cancellationToken).ConfigureAwait(false));
        return error with
        {
            Messages = body?.Message is { Length: > 0 } message ? [message] : error.Messages,
            RequestId = error.RequestId ?? body?.RequestId,
            Kind = error.StatusCode == HttpStatusCode.Forbidden ? PmsFailureKind.Validation : error.Kind,
        };
    }

    /// <summary>Reads Mews' error body; <see langword="null"/> when the body is not one (an HTML 404 page, nothing).</summary>
    internal static ErrorBody? Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, MewsJsonContext.Default.ErrorBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// Reads the answers of <see cref="IMewsApi"/> with the runtime's <see cref="PmsResponseReader"/>; a 403 to a create or a
/// stay change whose message says the stay cannot be sold is a <see cref="PmsConflictException"/>
/// (<see cref="PmsConflictReason.NoAvailability"/>).
/// </summary>
internal sealed class MewsResponses() : PmsResponseReader(PmsVendors.Mews)
{
    public static MewsResponses Instance { get; } = new();

    protected override PmsVendorError Refine(PmsVendorError error, PmsCall call)
    {
        error = base.Refine(error, call);
        if (call is not MewsCall mews || error.StatusCode != HttpStatusCode.Forbidden)
        {
            return error;
        }

        return mews switch
        {
            { RefusalMeansInvalidState: true } => Conflict(error, PmsConflictReason.InvalidState),
            { RefusalMayMeanNoAvailability: true } when SaysNoAvailability(error.Messages) => Conflict(error, PmsConflictReason.NoAvailability),
            _ => error,
        };
    }

    private static PmsVendorError Conflict(PmsVendorError error, PmsConflictReason reason) =>
        error with { StatusCode = HttpStatusCode.Conflict, Kind = PmsFailureKind.Conflict, ConflictReason = reason };

    /// <summary>Mews documents no error codes; its messages for an overbooking name the lack of availability.</summary>
    internal static bool SaysNoAvailability(IReadOnlyList<string> messages) =>
        messages.Any(m => m.Contains("availab", StringComparison.OrdinalIgnoreCase) || m.Contains("overbook", StringComparison.OrdinalIgnoreCase));
}
