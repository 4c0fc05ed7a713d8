using HotelPlatform.Connectors.Apaleo.Wire;

namespace HotelPlatform.Connectors.Apaleo;

/// <summary>
/// The Refit clients of one hotel over its two named <see cref="HttpClient"/>s (the core APIs and the Webhook API), both
/// on the runtime's pipeline: token, account rate limiter, resilience, diagnostics. The clients are made once and kept
/// for <see cref="Lifetime"/> (the factory's default handler lifetime), then made anew from
/// <see cref="IHttpClientFactory"/> so that its handler rotation (DNS changes) still reaches a connector that lives as
/// long as the application; they are made anew at once when the hotel's options change.
/// </summary>
internal sealed class ApaleoClients
{
    /// <summary>How long one set of clients is used: <c>IHttpClientFactory</c>'s default handler lifetime.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private readonly IHttpClientFactory _factory;
    private readonly string _hotelId;
    private readonly Func<ApaleoOptions> _options;
    private readonly TimeProvider _timeProvider;
    private Set? _current;

    /// <summary>Initializes a new instance of the <see cref="ApaleoClients"/> class.</summary>
    /// <param name="factory">The HTTP client factory.</param>
    /// <param name="hotelId">The hotel's key.</param>
    /// <param name="options">The hotel's current options (from <c>IOptionsMonitor</c>: a new instance after a reload).</param>
    /// <param name="timeProvider">The clock of the clients' lifetime.</param>
    public ApaleoClients(IHttpClientFactory factory, string hotelId, Func<ApaleoOptions> options, TimeProvider timeProvider)
    {
        _factory = factory;
        _hotelId = hotelId;
        _options = options;
        _timeProvider = timeProvider;
    }

    public IApaleoBookingApi Booking => Current().Booking;

    public IApaleoInventoryApi Inventory => Current().Inventory;

    public IApaleoRatePlanApi RatePlans => Current().RatePlans;

    public IApaleoAvailabilityApi Availability => Current().Availability;

    public IApaleoWebhookApi Webhooks => Current().Webhooks;

    /// <summary>The name of a hotel's client for the core APIs (<c>api.apaleo.com</c>).</summary>
    /// <param name="hotelId">The hotel's key.</param>
    /// <returns>The name.</returns>
    public static string CoreClientName(string hotelId) => $"{PmsVendors.Apaleo}:{hotelId}";

    /// <summary>The name of a hotel's client for the Webhook API (<c>webhook.apaleo.com</c>).</summary>
    /// <param name="hotelId">The hotel's key.</param>
    /// <returns>The name.</returns>
    public static string WebhookClientName(string hotelId) => $"{PmsVendors.Apaleo}-webhook:{hotelId}";

    private Set Current()
    {
        var options = _options();
        var now = _timeProvider.GetTimestamp();
        var current = Volatile.Read(ref _current);
        if (current is not null && ReferenceEquals(current.Options, options) && now < current.ExpiresAt)
        {
            return current;
        }

        // Two callers may both make a set at expiry; both work, the last one is kept. No lock on the hot path.
        var core = _factory.CreateClient(CoreClientName(_hotelId));
        var made = new Set(
            options,
            now + (long)(Lifetime.TotalSeconds * _timeProvider.TimestampFrequency),
            ApaleoRefit.For<IApaleoBookingApi>(core),
            ApaleoRefit.For<IApaleoInventoryApi>(core),
            ApaleoRefit.For<IApaleoRatePlanApi>(core),
            ApaleoRefit.For<IApaleoAvailabilityApi>(core),
            ApaleoRefit.For<IApaleoWebhookApi>(_factory.CreateClient(WebhookClientName(_hotelId))));
        Volatile.Write(ref _current, made);
        return made;
    }

    private sealed record Set(
        ApaleoOptions Options,
        long ExpiresAt,
        IApaleoBookingApi Booking,
        IApaleoInventoryApi Inventory,
        IApaleoRatePlanApi RatePlans,
        IApaleoAvailabilityApi Availability,
        IApaleoWebhookApi Webhooks);
}
