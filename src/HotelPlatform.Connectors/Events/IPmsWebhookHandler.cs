namespace HotelPlatform.Connectors.Events;

/// <summary>
/// A vendor's webhook handler for one hotel: verifies a delivery, then parses it into normalised events, recognises a
/// health-check ping, or ignores a type the SDK does not map. Registered by the vendor package as a keyed service per
/// hotel (<see cref="PmsEventsBuilderExtensions.AddPmsWebhookHandler"/>); the webhook framework resolves it with
/// <c>GetKeyedService&lt;IPmsWebhookHandler&gt;(hotelId)</c>. Derive from <see cref="PmsWebhookHandler"/>, which
/// holds the order and the failure rules.
/// </summary>
public interface IPmsWebhookHandler
{
    /// <summary>Gets the vendor (<see cref="PmsVendors"/>).</summary>
    string Vendor { get; }

    /// <summary>Verifies and parses a delivery. Never throws for a delivery's content: a bad secret is <see cref="PmsWebhookOutcome.Rejected"/>, a bad body <see cref="PmsWebhookOutcome.Malformed"/>.</summary>
    /// <param name="request">The delivery.</param>
    /// <param name="cancellationToken">A token that cancels the work.</param>
    /// <returns>What the delivery is.</returns>
    ValueTask<PmsWebhookResult> HandleAsync(PmsWebhookRequest request, CancellationToken cancellationToken = default);
}
