using System.Text.Json;
using System.Text.RegularExpressions;

namespace HotelPlatform.Connectors.Apaleo.Mapping;

/// <summary>What an Apaleo error body says.</summary>
/// <param name="Messages">The messages, in order; empty when the body said nothing usable.</param>
/// <param name="ErrorType">The Webhook API's error <c>type</c> (HealthcheckFailed, EnabledForAnotherEndpoint, InvalidPropertyId), where sent.</param>
internal sealed record ApaleoErrorBody(IReadOnlyList<string> Messages, string? ErrorType)
{
    /// <summary>Gets a body that says nothing.</summary>
    public static ApaleoErrorBody Empty { get; } = new([], null);

    /// <summary>
    /// Gets the request member the first message blames, where it names one: Apaleo's model validation writes
    /// <c>"&lt;member path&gt;: &lt;reason&gt;"</c>, for example <c>"Reservations[0].ChannelCode: The ChannelCode field is required."</c>
    /// (a 422 body quoted by Apaleo's staff in github.com/apaleo/api issue 401). Business-rule messages name none.
    /// </summary>
    public string? Field { get; init; }
}

/// <summary>
/// Reads Apaleo error bodies for the runtime's error factory (<c>PmsVendorError.Messages</c> / <c>ErrorCode</c>). The
/// core APIs answer 422 "Validation errors in the request body or query params" with <c>MessageItemCollection</c>
/// <c>{"messages": ["..."]}</c>; the Webhook API answers <c>{"type": "...", "message": "..."}</c>. No spec defines the
/// bodies of 400/401/403/404/5xx, so anything else is read leniently: JSON of either shape, or short plain text.
/// Messages are returned unscrubbed — the runtime's factory scrubs them before they reach an exception message.
/// </summary>
internal static partial class ApaleoErrorParser
{
    /// <summary>The longest plain-text body taken as a message.</summary>
    public const int MaxPlainTextLength = 500;

    /// <summary>
    /// Apaleo's own codes for "this stay cannot be sold" (booking-v1 <c>OfferValidationMessageModel.code</c> and
    /// <c>ReservationValidationMessageModel.code</c>), and the words its messages use for the same.
    /// </summary>
    private static readonly string[] NoAvailabilityMarkers =
    [
        "UnitGroupFullyBooked", "UnitGroupCapacityExceeded", "RatePlanRestrictionsViolated", "RateRestrictionsViolated",
        "BlockFullyBooked", "RatesNotSet", "fully booked", "overbook", "no availability", "not enough availability",
        "restriction",
    ];

    /// <summary>Parses an error body.</summary>
    /// <param name="content">The body, or <see langword="null"/>.</param>
    /// <returns>What it says; never <see langword="null"/>.</returns>
    public static ApaleoErrorBody Parse(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return ApaleoErrorBody.Empty;
        }

        var trimmed = content.Trim();
        if (trimmed[0] != '{')
        {
            // Not JSON (a gateway's HTML page or a plain-text reason): keep a short one, drop markup and long pages.
            return trimmed.Length <= MaxPlainTextLength && !trimmed.StartsWith('<')
                ? new ApaleoErrorBody([trimmed], null)
                : ApaleoErrorBody.Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(trimmed);
            var root = document.RootElement;
            var messages = new List<string>();
            if (root.TryGetProperty("messages", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                messages.AddRange(list.EnumerateArray()
                    .Where(m => m.ValueKind == JsonValueKind.String)
                    .Select(m => m.GetString()!)
                    .Where(m => !string.IsNullOrWhiteSpace(m)));
            }

            if (root.TryGetProperty("message", out var single) && single.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(single.GetString()))
            {
                messages.Add(single.GetString()!);
            }

            var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            return new ApaleoErrorBody(messages, string.IsNullOrWhiteSpace(type) ? null : type) { Field = FieldOf(messages) };
        }
        catch (JsonException)
        {
            return ApaleoErrorBody.Empty;
        }
    }

    /// <summary>
    /// Whether a refused booking or amendment says the stay cannot be sold. Apaleo documents no error code for this
    /// (422 is its catch-all for "validation errors in the request body or query params" and business rules), so the
    /// connector reads the messages for Apaleo's own availability codes (<c>UnitGroupFullyBooked</c>,
    /// <c>RatePlanRestrictionsViolated</c>, ...) and the words it uses for them ("fully booked", "restrictions": "The
    /// rate restrictions for this rate plan are not considered", github.com/apaleo/api issue 242). A service that
    /// cannot be delivered ("The service ... is not available on the following dates") is not a room's availability
    /// and stays a validation failure.
    /// </summary>
    /// <param name="body">The parsed error body.</param>
    /// <returns><see langword="true"/> when a message says the stay cannot be sold.</returns>
    public static bool SaysNoAvailability(ApaleoErrorBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body.Messages.Any(m => NoAvailabilityMarkers.Any(marker => m.Contains(marker, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// Whether a refused create says its <c>Idempotency-Key</c> was already used for different request parameters.
    /// Apaleo documents the rule ("keys can't be reused with different request parameters", booking-v1 description of
    /// the header) but not the answer, so the connector reads the messages for the header's name.
    /// </summary>
    /// <param name="body">The parsed error body.</param>
    /// <returns><see langword="true"/> when a message speaks of the idempotency key.</returns>
    public static bool SaysIdempotencyKeyReused(ApaleoErrorBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body.Messages.Any(m => m.Contains("Idempotency-Key", StringComparison.OrdinalIgnoreCase) || m.Contains("idempotency key", StringComparison.OrdinalIgnoreCase));
    }

    private static string? FieldOf(IEnumerable<string> messages)
    {
        try
        {
            return messages.Select(m => MemberPrefix().Match(m)).FirstOrDefault(match => match.Success)?.Groups["field"].Value;
        }
        catch (RegexMatchTimeoutException)
        {
            return null; // the field name is a courtesy; the error itself is still reported with every message
        }
    }

    // "Reservations[0].ChannelCode: ..." — a member path (identifiers with optional indexes, dot-separated), a colon, text.
    [GeneratedRegex(@"^(?<field>[A-Za-z_][A-Za-z0-9_]*(?:\[\d+\])?(?:\.[A-Za-z_][A-Za-z0-9_]*(?:\[\d+\])?)*):\s+\S", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2_000)]
    private static partial Regex MemberPrefix();
}
