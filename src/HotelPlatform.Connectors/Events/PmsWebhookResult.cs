namespace HotelPlatform.Connectors.Events;

/// <summary>What a webhook delivery turned out to be (<see cref="PmsWebhookResult.Outcome"/>).</summary>
public enum PmsWebhookOutcome
{
    /// <summary>
    /// Verification failed: the delivery is not from the vendor, or not for this hotel. Nothing of it may be stored or
    /// parsed; answer 401 with no detail, so that a caller probing for the secret learns nothing.
    /// </summary>
    Rejected = 0,

    /// <summary>Verified, but not a delivery of the vendor's shape (not JSON, a required field missing, ...): answer 400, store nothing.</summary>
    Malformed = 1,

    /// <summary>Verified and parsed into one or more normalised events (<see cref="PmsWebhookResult.Events"/>): commit them, then answer.</summary>
    Events = 2,

    /// <summary>A health check or ping the vendor sends to test the endpoint (Apaleo's on subscribing); not a domain event. Answer 2xx.</summary>
    Ping = 3,

    /// <summary>Verified and well formed, but of a type the SDK does not normalise; acknowledge it and move on (<see cref="PmsWebhookResult.Reason"/> says why).</summary>
    Ignored = 4,
}

/// <summary>
/// The answer the vendor expects to a delivery, when it expects more than an empty 2xx (SiteMinder's push variant
/// expects an <c>OTA_HotelResNotifRS</c> SOAP body). The webhook framework sends it once the events are durably committed.
/// </summary>
/// <param name="StatusCode">The HTTP status code, 200 to 299.</param>
/// <param name="ContentType">The <c>Content-Type</c> of <paramref name="Body"/>, or <see langword="null"/> when there is no body.</param>
/// <param name="Body">The body; empty for none.</param>
public sealed record PmsWebhookResponse(int StatusCode, string? ContentType, ReadOnlyMemory<byte> Body)
{
    /// <summary>Gets an empty 200 OK.</summary>
    public static PmsWebhookResponse Ok { get; } = new(200, null, ReadOnlyMemory<byte>.Empty);

    /// <summary>Gets an empty 204 No Content, the default answer to a delivery.</summary>
    public static PmsWebhookResponse NoContent { get; } = new(204, null, ReadOnlyMemory<byte>.Empty);
}

/// <summary>
/// The outcome of <see cref="IPmsWebhookHandler.HandleAsync"/>. Made with the static members, which enforce the seam's
/// rules: a rejection carries no detail; an event result has at least one event, each with an id; a reason never
/// quotes the body.
/// </summary>
public sealed class PmsWebhookResult
{
    private static readonly PmsWebhookResult RejectedResult = new(PmsWebhookOutcome.Rejected, [], null);

    private PmsWebhookResult(PmsWebhookOutcome outcome, IReadOnlyList<PmsInboundEvent> events, string? reason)
    {
        Outcome = outcome;
        Events = events;
        Reason = reason;
    }

    /// <summary>Gets what the delivery is.</summary>
    public PmsWebhookOutcome Outcome { get; }

    /// <summary>Gets the normalised events, in the order the vendor sent them; empty unless <see cref="Outcome"/> is <see cref="PmsWebhookOutcome.Events"/>.</summary>
    public IReadOnlyList<PmsInboundEvent> Events { get; }

    /// <summary>Gets why the delivery was ignored or is malformed; <see langword="null"/> otherwise, and always for a rejection.</summary>
    public string? Reason { get; }

    /// <summary>Gets the answer the vendor expects, or <see langword="null"/> for the framework's default (an empty 2xx).</summary>
    public PmsWebhookResponse? Response { get; private init; }

    /// <summary>Gets the vendor's id of the delivery or of the request that caused it (Apaleo's <c>apaleo-tracking-id</c>), for logs and the vendor's support.</summary>
    public string? VendorRequestId { get; private init; }

    /// <summary>Gets a value indicating whether the delivery passed verification.</summary>
    public bool IsVerified => Outcome != PmsWebhookOutcome.Rejected;

    /// <summary>The delivery failed verification. There is deliberately no reason: the vendor's handler may log why (never with the secret), the caller learns nothing.</summary>
    /// <returns>The result.</returns>
    public static PmsWebhookResult Rejected() => RejectedResult;

    /// <summary>The verified delivery is not of the vendor's shape.</summary>
    /// <param name="reason">Why, without quoting the body (it may carry guest data).</param>
    /// <returns>The result.</returns>
    public static PmsWebhookResult Malformed(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(PmsWebhookOutcome.Malformed, [], reason);
    }

    /// <summary>The delivery carries normalised events.</summary>
    /// <param name="events">The events, at least one, each with an event id, vendor and property.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">No event, or an event without its id, vendor or property.</exception>
    public static PmsWebhookResult FromEvents(IEnumerable<PmsInboundEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var list = events.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("An event result carries at least one event; a delivery with none of interest is Ignored.", nameof(events));
        }

        foreach (var inbound in list)
        {
            PmsEventRules.ThrowIfInvalid(inbound, nameof(events));
        }

        return new(PmsWebhookOutcome.Events, list.AsReadOnly(), null);
    }

    /// <summary>The delivery carries normalised events.</summary>
    /// <param name="events">The events, at least one.</param>
    /// <returns>The result.</returns>
    public static PmsWebhookResult FromEvents(params PmsInboundEvent[] events) => FromEvents((IEnumerable<PmsInboundEvent>)events);

    /// <summary>The delivery is the vendor's health check or ping.</summary>
    /// <returns>The result.</returns>
    public static PmsWebhookResult Ping() => new(PmsWebhookOutcome.Ping, [], null);

    /// <summary>The delivery is well formed but of a type the SDK does not normalise.</summary>
    /// <param name="reason">Why, for logs; for example the vendor's event type.</param>
    /// <returns>The result.</returns>
    public static PmsWebhookResult Ignored(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(PmsWebhookOutcome.Ignored, [], reason);
    }

    /// <summary>Returns this result with the answer the vendor expects once the delivery is committed.</summary>
    /// <param name="response">The answer, a 2xx.</param>
    /// <returns>The result.</returns>
    /// <exception cref="InvalidOperationException">The result is a rejection, whose answer is always an empty 401.</exception>
    public PmsWebhookResult WithResponse(PmsWebhookResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (Outcome == PmsWebhookOutcome.Rejected)
        {
            throw new InvalidOperationException("A rejected delivery is answered with an empty 401; it carries no vendor response.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(response.StatusCode, 200, nameof(response));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(response.StatusCode, 299, nameof(response));
        return new(Outcome, Events, Reason) { Response = response, VendorRequestId = VendorRequestId };
    }

    /// <summary>Returns this result with the vendor's id of the delivery or its originating request; a rejection is returned unchanged, since an unverified delivery's headers are the caller's words, not the vendor's.</summary>
    /// <param name="vendorRequestId">The id, or <see langword="null"/>.</param>
    /// <returns>The result.</returns>
    public PmsWebhookResult WithVendorRequestId(string? vendorRequestId) =>
        Outcome == PmsWebhookOutcome.Rejected
            ? this
            : new(Outcome, Events, Reason) { Response = Response, VendorRequestId = string.IsNullOrWhiteSpace(vendorRequestId) ? null : vendorRequestId.Trim() };
}
