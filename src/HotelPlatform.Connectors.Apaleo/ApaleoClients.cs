using HotelPlatform.Connectors.Apaleo.Wire;
using HotelPlatform.Connectors.Http;

namespace HotelPlatform.Connectors.Apaleo;

/// <summary>
/// The Refit clients of one hotel over its two named <see cref="HttpClient"/>s (the core APIs and the Webhook API), both
/// on the runtime's pipeline: token, account rate limiter, resilience, diagnostics. The clients are made once and kept
/// for <see cref="PmsClientCache{TOptions, TClients}.DefaultLifetime"/> (the factory's default handler lifetime) by the
/// runtime's <see cref="PmsClientCache{TOptions, TClients}"/>, then made anew from
/// <see cref="IHttpClientFactory"/> so that its handler rotation (DNS changes) still reaches a connector that lives as
/// long as the application; they are made anew at once when the hotel's options change.
/// </summary>
internal sealed class ApaleoClients
{
    private readonly PmsClientCache<ApaleoOptions, Set> _cache;

    public ApaleoClients(IHttpClientFactory factory, string hotelId, Func<ApaleoOptions> options, TimeProvider timeProvider)
    {
        _cache = new PmsClientCache<ApaleoOptions, Set>(options, _ => Create(factory, hotelId), timeProvider);
    }

    public IApaleoBookingApi Booking => _cache.Current.Booking;

    public IApaleoInventoryApi Inventory => _cache.Current.Inventory;

    public IApaleoRatePlanApi RatePlans => _cache.Current.RatePlans;

    public IApaleoAvailabilityApi Availability => _cache.Current.Availability;

    public IApaleoWebhookApi Webhooks => _cache.Current.Webhooks;

    public static string CoreClientName(string hotelId) => $"{PmsVendors.Apaleo}:{hotelId}";

    public static string WebhookClientName(string hotelId) => $"{PmsVendors.Apaleo}-webhook:{hotelId}";

    private static Set Create(IHttpClientFactory factory, string hotelId)
    {
        var core = factory.CreateClient(CoreClientName(hotelId));
        return new Set(
            ApaleoRefit.For<IApaleoBookingApi>(core),
            ApaleoRefit.For<IApaleoInventoryApi>(core),
            ApaleoRefit.For<IApaleoRatePlanApi>(core),
            ApaleoRefit.For<IApaleoAvailabilityApi>(core),
            ApaleoRefit.For<IApaleoWebhookApi>(factory.CreateClient(WebhookClientName(hotelId))));
    }

    private sealed record Set(
        IApaleoBookingApi Booking,
        IApaleoInventoryApi Inventory,
        IApaleoRatePlanApi RatePlans,
        IApaleoAvailabilityApi Availability,
        IApaleoWebhookApi Webhooks);
}
