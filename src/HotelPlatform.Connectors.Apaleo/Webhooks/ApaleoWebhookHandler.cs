using HotelPlatform.Connectors.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors.Apaleo.Webhooks;

/// <summary>
/// The events seam for one Apaleo hotel (<see cref="IPmsWebhookHandler"/>, registered keyed by the hotel id): verifies
/// a delivery against the hotel's <see cref="ApaleoOptions.Webhook"/> settings, then parses it with
/// <see cref="ApaleoWebhookParser"/>. Reservation deliveries become one id-only event each (Apaleo sends only
/// <c>data.entityId</c>); the <c>system/healthcheck</c> sent on subscribing is a ping; other topics, and events of
/// another property of the account, are ignored.
/// Follows changes of the hotel's options.
/// </summary>
internal sealed partial class ApaleoWebhookHandler : PmsWebhookHandler
{
    private readonly string _hotelId;
    private readonly IOptionsMonitor<ApaleoOptions> _options;
    private readonly ILogger _logger;
    private volatile VerifierForOptions? _verifier;

    public ApaleoWebhookHandler(string hotelId, IOptionsMonitor<ApaleoOptions> options, ILogger<ApaleoWebhookHandler> logger)
    {
        _hotelId = hotelId;
        _options = options;
        _logger = logger;
    }

    /// <inheritdoc />
    public override string Vendor => PmsVendors.Apaleo;

    /// <inheritdoc />
    protected override bool Verify(PmsWebhookRequest request)
    {
        var verifier = CurrentVerifier();
        var failure = verifier is null
            ? "no webhook check is configured (Webhook:BasicAuthUserName/BasicAuthPassword or Webhook:UrlSecret); Apaleo signs nothing, so every delivery is refused"
            : verifier.Verify(request);
        if (failure is null)
        {
            return true;
        }

        LogRejected(_hotelId, failure);
        return false;
    }

    /// <inheritdoc />
    protected override ValueTask<PmsWebhookResult> ParseAsync(PmsWebhookRequest request, CancellationToken cancellationToken)
    {
        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException("Apaleo delivers webhooks with POST.");
        }

        var delivery = ApaleoWebhookParser.Parse(request.Body.Span, request.GetHeader(ApaleoWebhookParser.TrackingIdHeader));
        var propertyId = _options.Get(_hotelId).PropertyId;
        var result = delivery.Kind switch
        {
            // A subscription without propertyIds delivers every property of the account: another property's change is
            // not this hotel's event.
            ApaleoWebhookDeliveryKind.Event when !string.Equals(delivery.Event!.PropertyId, propertyId, StringComparison.OrdinalIgnoreCase) =>
                PmsWebhookResult.Ignored($"The '{delivery.VendorEventType}' delivery is for property '{delivery.Event.PropertyId}', not this hotel's '{propertyId}'."),
            ApaleoWebhookDeliveryKind.Event => PmsWebhookResult.FromEvents(new PmsInboundEvent(delivery.Event)),
            ApaleoWebhookDeliveryKind.HealthCheck => PmsWebhookResult.Ping(),
            _ => PmsWebhookResult.Ignored(delivery.IgnoredReason ?? $"Apaleo event '{delivery.VendorEventType}' has no normalised event."),
        };
        return ValueTask.FromResult(result.WithVendorRequestId(delivery.TrackingId));
    }

    /// <summary>The verifier of the current options, rebuilt when the options change; <see langword="null"/> when nothing is configured to check.</summary>
    private ApaleoWebhookVerifier? CurrentVerifier()
    {
        var options = _options.Get(_hotelId);
        var cached = _verifier;
        if (cached is not null && ReferenceEquals(cached.Options, options))
        {
            return cached.Verifier;
        }

        ApaleoWebhookVerifier? verifier = null;
        if (options.Webhook.ChecksAnything)
        {
            try
            {
                verifier = new ApaleoWebhookVerifier(options.Webhook);
            }
            catch (ArgumentException)
            {
                // Start-up validation names the setting; should it have been skipped, refuse rather than check too little.
            }
        }

        _verifier = new VerifierForOptions(options, verifier);
        return verifier;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Apaleo webhook delivery for hotel {HotelId} refused: {Reason}")]
    private partial void LogRejected(string hotelId, string reason);

    private sealed record VerifierForOptions(ApaleoOptions Options, ApaleoWebhookVerifier? Verifier);
}
