using HotelPlatform.Connectors.Authentication;
using HotelPlatform.Connectors.Events;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Mews;
using HotelPlatform.Connectors.Mews.Webhooks;
using HotelPlatform.Connectors.Mews.Wire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Refit;

namespace HotelPlatform.Connectors;

/// <summary>Registers Mews hotels on <see cref="IPmsConnectorsBuilder"/>.</summary>
public static class MewsPmsConnectorsBuilderExtensions
{
    private static readonly RefitSettings RefitSettings = new(SystemTextJsonContentSerializer.ForContext(MewsJsonContext.Default));

    /// <summary>
    /// Registers a Mews hotel whose settings are set in code. Its connector is the keyed <see cref="IPmsConnector"/>
    /// <paramref name="hotelId"/>, its webhook handler the keyed <see cref="IPmsWebhookHandler"/>. Validated when the host starts.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="hotelId">The hotel's key.</param>
    /// <param name="configure">Sets the hotel's options (<see cref="MewsOptions"/>).</param>
    /// <returns>The builder.</returns>
    public static IPmsConnectorsBuilder AddMews(this IPmsConnectorsBuilder builder, string hotelId, Action<MewsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.AddMewsHotel(hotelId);
        builder.Services.AddPmsHotelOptions(hotelId, PmsVendors.Mews, configure, MewsOptionsValidator.Instance);
        return builder;
    }

    /// <summary>
    /// Registers a Mews hotel whose settings are in <paramref name="configuration"/> (<c>PropertyId</c> = the enterprise
    /// id, <c>ClientToken</c>, <c>AccessToken</c>, <c>Client</c>, <c>ServiceId</c>, <c>BaseAddress</c>,
    /// <c>RequestsPer30Seconds</c>, <c>RequestBurst</c>, <c>WebhookToken</c>, <c>DefaultCancellationNote</c> and the
    /// common timeouts). Validated when the host starts; an unknown key fails too.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="hotelId">The hotel's key.</param>
    /// <param name="configuration">The hotel's configuration section.</param>
    /// <returns>The builder.</returns>
    public static IPmsConnectorsBuilder AddMews(this IPmsConnectorsBuilder builder, string hotelId, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.AddMewsHotel(hotelId);
        builder.Services.AddPmsHotelOptions(hotelId, PmsVendors.Mews, configuration, MewsOptionsValidator.Instance);
        return builder;
    }

    /// <summary>Makes the <c>mews</c> vendor known to <see cref="PmsConnectorsBuilderExtensions.AddFromConfiguration"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IPmsConnectorsBuilder AddMewsVendor(this IPmsConnectorsBuilder builder) =>
        builder.AddVendor(MewsVendor.Instance);

    private static void AddMewsHotel(this IPmsConnectorsBuilder builder, string hotelId)
    {
        var clientName = $"{PmsVendors.Mews}:{hotelId}";
        builder.AddConnector(hotelId, PmsVendors.Mews, sp =>
        {
            var monitor = sp.GetRequiredService<IOptionsMonitor<MewsOptions>>();
            var factory = sp.GetRequiredService<IHttpClientFactory>();

            // The Refit client is kept for the factory's handler lifetime and renewed when the options change (ADR 0015).
            var timeProvider = sp.GetRequiredService<TimeProvider>();
            var clients = new PmsClientCache<MewsOptions, IMewsApi>(() => monitor.Get(hotelId), _ => RestService.For<IMewsApi>(factory.CreateClient(clientName), RefitSettings), timeProvider);
            return new MewsConnector(() => monitor.Get(hotelId), () => clients.Current, timeProvider);
        });
        builder.AddMewsVendor();
        builder.Services.AddHttpClient(clientName)
            .AddPmsHttpPipeline<MewsOptions>(hotelId, (_, o) => HttpClientOptions(hotelId, o));
        builder.AddPmsWebhookHandler(hotelId, sp => new MewsWebhookHandler(
            hotelId,
            sp.GetRequiredService<IOptionsMonitor<MewsOptions>>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger<MewsWebhookHandler>() ?? NullLogger<MewsWebhookHandler>.Instance));
    }

    /// <summary>
    /// The pipeline settings of a hotel: the credentials in every JSON body, the account key derived from the access
    /// token (Mews counts "200 requests per AccessToken within 30 seconds", so hotels sharing a token share one pace and
    /// one 429 pause), a token bucket whose burst plus 30 seconds of refill never exceed the window, Mews' classifier.
    /// </summary>
    private static PmsHttpClientOptions HttpClientOptions(string hotelId, MewsOptions options) =>
        new PmsHttpClientOptions
        {
            Vendor = PmsVendors.Mews,
            HotelId = hotelId,
            BaseAddress = options.BaseAddress ?? MewsOptions.DefaultBaseAddress,
            AccountKey = PmsHttpClientOptions.CreateAccountKey(PmsVendors.Mews, options.AccessToken),
            Authenticator = new PmsJsonBodyAuthenticator(
            [
                new("ClientToken", options.ClientToken),
                new("AccessToken", options.AccessToken),
                new("Client", options.Client),
            ]),
            RateLimit = Quota(options),
            ResponseClassifier = MewsResponseClassifier.Instance,
            RequestIdHeaders = { MewsResponseClassifier.RequestIdHeader },
        }.WithTimeoutsOf(options);

    /// <summary>
    /// The access token's pace: a bucket of <see cref="MewsOptions.RequestBurst"/> refilled with the rest of
    /// <see cref="MewsOptions.RequestsPer30Seconds"/> over 30 seconds. In any 30-second window a bucket sends at most its
    /// size plus one period's refill, so the window never holds more than <see cref="MewsOptions.RequestsPer30Seconds"/>
    /// (Mews counts in a sliding window; a bucket of 200 refilled at 200 per 30 s could send 400).
    /// </summary>
    internal static PmsRateLimitQuota? Quota(MewsOptions options)
    {
        if (options.RequestsPer30Seconds == 0)
        {
            return null;
        }

        return PmsRateLimitQuota.ForSlidingWindow(options.RequestsPer30Seconds, TimeSpan.FromSeconds(30), options.RequestBurst);
    }
}
