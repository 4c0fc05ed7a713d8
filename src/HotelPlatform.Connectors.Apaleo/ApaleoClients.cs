using HotelPlatform.Connectors.Apaleo.Wire;

namespace HotelPlatform.Connectors.Apaleo;

/// <summary>
/// The Refit clients of one hotel over its two named <see cref="HttpClient"/>s (the core APIs and the Webhook API), both
/// on the runtime's pipeline: token, account rate limiter, resilience, diagnostics. A client is made per call from
/// <see cref="IHttpClientFactory"/>, so the factory's handler rotation works although the connector lives as long as
/// the application.
/// </summary>
/// <param name="factory">The HTTP client factory.</param>
/// <param name="hotelId">The hotel's key.</param>
internal sealed class ApaleoClients(IHttpClientFactory factory, string hotelId)
{
    public IApaleoBookingApi Booking => Core<IApaleoBookingApi>();

    public IApaleoInventoryApi Inventory => Core<IApaleoInventoryApi>();

    public IApaleoRatePlanApi RatePlans => Core<IApaleoRatePlanApi>();

    public IApaleoAvailabilityApi Availability => Core<IApaleoAvailabilityApi>();

    public IApaleoWebhookApi Webhooks => ApaleoRefit.For<IApaleoWebhookApi>(factory.CreateClient(WebhookClientName(hotelId)));

    /// <summary>The name of a hotel's client for the core APIs (<c>api.apaleo.com</c>).</summary>
    /// <param name="hotelId">The hotel's key.</param>
    /// <returns>The name.</returns>
    public static string CoreClientName(string hotelId) => $"{PmsVendors.Apaleo}:{hotelId}";

    /// <summary>The name of a hotel's client for the Webhook API (<c>webhook.apaleo.com</c>).</summary>
    /// <param name="hotelId">The hotel's key.</param>
    /// <returns>The name.</returns>
    public static string WebhookClientName(string hotelId) => $"{PmsVendors.Apaleo}-webhook:{hotelId}";

    private TApi Core<TApi>()
        where TApi : class => ApaleoRefit.For<TApi>(factory.CreateClient(CoreClientName(hotelId)));
}
