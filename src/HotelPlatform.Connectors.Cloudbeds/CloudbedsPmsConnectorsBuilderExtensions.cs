using HotelPlatform.Connectors.Authentication;
using HotelPlatform.Connectors.Cloudbeds;
using HotelPlatform.Connectors.Cloudbeds.Subscriptions;
using HotelPlatform.Connectors.Cloudbeds.Webhooks;
using HotelPlatform.Connectors.Cloudbeds.Wire;
using HotelPlatform.Connectors.Events;
using HotelPlatform.Connectors.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors;

/// <summary>Registers Cloudbeds hotels on <see cref="IPmsConnectorsBuilder"/>.</summary>
public static class CloudbedsPmsConnectorsBuilderExtensions
{
    /// <summary>
    /// Registers a Cloudbeds hotel whose settings are set in code. Its connector is the keyed <see cref="IPmsConnector"/>
    /// <paramref name="hotelId"/>; its webhook subscriptions the keyed <see cref="ICloudbedsSubscriptions"/>; its webhook
    /// handler the keyed <see cref="IPmsWebhookHandler"/>. The options are validated when the host starts.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="hotelId">The hotel's key.</param>
    /// <param name="configure">Sets the hotel's options.</param>
    /// <returns>The builder.</returns>
    public static IPmsConnectorsBuilder AddCloudbeds(this IPmsConnectorsBuilder builder, string hotelId, Action<CloudbedsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.AddCloudbedsHotel(hotelId);
        builder.Services.AddPmsHotelOptions(hotelId, PmsVendors.Cloudbeds, configure, CloudbedsOptionsValidator.Instance);
        return builder;
    }

    /// <summary>
    /// Registers a Cloudbeds hotel whose settings are in <paramref name="configuration"/> (<c>PropertyId</c>, <c>ApiKey</c>
    /// or <c>ClientId</c> + <c>ClientSecret</c> + <c>RefreshToken</c> (or <c>AuthorizationCode</c> + <c>RedirectUri</c>),
    /// <c>BaseAddress</c>, <c>DiscoverApiAddress</c>, <c>TokenEndpoint</c>,
    /// <c>RequestsPerSecond</c>, <c>RequestBurst</c>, <c>SourceId</c>, <c>PaymentMethod</c>, <c>WebhookSecret</c>, timeouts).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="hotelId">The hotel's key.</param>
    /// <param name="configuration">The hotel's configuration section.</param>
    /// <returns>The builder.</returns>
    public static IPmsConnectorsBuilder AddCloudbeds(this IPmsConnectorsBuilder builder, string hotelId, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.AddCloudbedsHotel(hotelId);
        builder.Services.AddPmsHotelOptions(hotelId, PmsVendors.Cloudbeds, configuration, CloudbedsOptionsValidator.Instance);
        return builder;
    }

    /// <summary>Makes the <c>cloudbeds</c> vendor known to <see cref="PmsConnectorsBuilderExtensions.AddFromConfiguration"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IPmsConnectorsBuilder AddCloudbedsVendor(this IPmsConnectorsBuilder builder) =>
        builder.AddVendor(CloudbedsVendor.Instance);

    private static void AddCloudbedsHotel(this IPmsConnectorsBuilder builder, string hotelId)
    {
        builder.AddConnector(hotelId, PmsVendors.Cloudbeds, sp => new CloudbedsConnector(
            OptionsSource(sp, hotelId),
            Client(sp, hotelId),
            sp.GetRequiredKeyedService<ICloudbedsSubscriptions>(hotelId),
            sp.GetRequiredService<TimeProvider>()));
        builder.AddCloudbedsVendor();

        var services = builder.Services;
        services.AddHttpClient(CloudbedsClient.Name(hotelId))
            .AddPmsHttpPipeline<CloudbedsOptions>(hotelId, (sp, o) => HttpClientOptions(sp, hotelId, o));
        services.AddKeyedSingleton<ICloudbedsSubscriptions>(hotelId, static (sp, key) =>
        {
            var hotel = (string)key!;
            var options = OptionsSource(sp, hotel);
            return new CloudbedsSubscriptionClient(Client(sp, hotel), () => options().PropertyId);
        });
        builder.AddPmsWebhookHandler(hotelId, sp => new CloudbedsWebhookHandler(
            hotelId,
            sp.GetRequiredService<IOptionsMonitor<CloudbedsOptions>>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger<CloudbedsWebhookHandler>() ?? NullLogger<CloudbedsWebhookHandler>.Instance));
    }

    /// <summary>
    /// The pipeline of a hotel: the API key (or the OAuth2 refresh-token credential from the runtime's registry), paced
    /// per property (Cloudbeds' limits are per property; the account key is the property), <c>success:false</c>
    /// classified as the failure it is.
    /// </summary>
    private static PmsHttpClientOptions HttpClientOptions(IServiceProvider services, string hotelId, CloudbedsOptions options)
    {
        var baseAddress = options.BaseAddress ?? CloudbedsOptions.DefaultBaseAddress;
        PmsRequestAuthenticator authenticator = options.UsesOAuth
            ? new PmsBearerTokenAuthenticator(services.GetRequiredService<PmsCredentialRegistry>().GetRefreshTokenCredential(new PmsRefreshTokenCredentialOptions
            {
                Vendor = PmsVendors.Cloudbeds,
                TokenAddress = options.TokenEndpoint ?? new Uri(baseAddress, "access_token"),
                ClientId = options.ClientId ?? string.Empty,
                ClientSecret = options.ClientSecret ?? string.Empty,
                ClientAuthentication = PmsClientAuthentication.FormPost,
                RefreshToken = options.RefreshToken,
                AuthorizationCode = string.IsNullOrEmpty(options.RefreshToken) ? options.AuthorizationCode : null,
                RedirectUri = options.RedirectUri,
                RefreshTokenRotated = options.RefreshTokenRotated,
            }))
            : PmsHeaderAuthenticator.ApiKey("x-api-key", options.ApiKey ?? string.Empty);
        return new PmsHttpClientOptions
        {
            Vendor = PmsVendors.Cloudbeds,
            HotelId = hotelId,
            BaseAddress = baseAddress,
            AccountKey = $"{PmsVendors.Cloudbeds}:{options.PropertyId}",
            Authenticator = authenticator,
            // Cloudbeds counts per second and documents no burst: no one-second window may hold more than the rate (a bucket
            // of 5 refilled at 5 per second could send 10 in a second, and the simulator's sliding count refused one).
            RateLimit = options.RequestsPerSecond == 0 ? null : PmsRateLimitQuota.ForSlidingWindow(options.RequestsPerSecond, TimeSpan.FromSeconds(1), options.RequestBurst),
            ResponseClassifier = CloudbedsResponseClassifier.Instance,
            RequestIdHeaders = { CloudbedsResponseClassifier.RequestIdHeader },
        }.WithTimeoutsOf(options);
    }

    private static Func<CloudbedsOptions> OptionsSource(IServiceProvider services, string hotelId)
    {
        var monitor = services.GetRequiredService<IOptionsMonitor<CloudbedsOptions>>();
        return () => monitor.Get(hotelId);
    }

    private static CloudbedsClient Client(IServiceProvider services, string hotelId) =>
        new(services.GetRequiredService<IHttpClientFactory>(), hotelId, OptionsSource(services, hotelId), services.GetRequiredService<TimeProvider>());
}
