using HotelPlatform.Connectors.Apaleo;
using HotelPlatform.Connectors.Apaleo.Subscriptions;
using HotelPlatform.Connectors.Apaleo.Webhooks;
using HotelPlatform.Connectors.Authentication;
using HotelPlatform.Connectors.Events;
using HotelPlatform.Connectors.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors;

/// <summary>Registers Apaleo hotels on <see cref="IPmsConnectorsBuilder"/>.</summary>
public static class ApaleoPmsConnectorsBuilderExtensions
{
    /// <summary>
    /// Registers an Apaleo hotel whose settings are set in code. Its connector is the keyed <see cref="IPmsConnector"/>
    /// <paramref name="hotelId"/>; its webhook subscriptions are the keyed <see cref="IApaleoSubscriptions"/>
    /// <paramref name="hotelId"/>. The options are validated when the host starts.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="hotelId">The hotel's key.</param>
    /// <param name="configure">Sets the hotel's options (<see cref="ApaleoOptions"/>).</param>
    /// <returns>The builder.</returns>
    public static IPmsConnectorsBuilder AddApaleo(this IPmsConnectorsBuilder builder, string hotelId, Action<ApaleoOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.AddApaleoHotel(hotelId);
        builder.Services.AddPmsHotelOptions(hotelId, PmsVendors.Apaleo, configure, ApaleoOptionsValidator.Instance);
        return builder;
    }

    /// <summary>
    /// Registers an Apaleo hotel whose settings are in <paramref name="configuration"/> (<c>PropertyId</c>,
    /// <c>ClientId</c>, <c>ClientSecret</c>, <c>BaseAddress</c>, <c>TokenEndpoint</c>, <c>WebhookAddress</c>,
    /// <c>Scopes</c>, <c>ChannelCode</c>, <c>Source</c>, <c>RequestsPerSecond</c>, <c>RequestBurst</c>, <c>AttemptTimeout</c>,
    /// <c>TotalTimeout</c>, <c>MaxRetryAfter</c>). Validated when the host starts, with messages naming the hotel and the
    /// setting's configuration path; an unknown key fails too.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="hotelId">The hotel's key.</param>
    /// <param name="configuration">The hotel's configuration section.</param>
    /// <returns>The builder.</returns>
    public static IPmsConnectorsBuilder AddApaleo(this IPmsConnectorsBuilder builder, string hotelId, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.AddApaleoHotel(hotelId);
        builder.Services.AddPmsHotelOptions(hotelId, PmsVendors.Apaleo, configuration, ApaleoOptionsValidator.Instance);
        return builder;
    }

    /// <summary>Makes the <c>apaleo</c> vendor known to <see cref="PmsConnectorsBuilderExtensions.AddFromConfiguration"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IPmsConnectorsBuilder AddApaleoVendor(this IPmsConnectorsBuilder builder) =>
        builder.AddVendor(ApaleoVendor.Instance);

    private static void AddApaleoHotel(this IPmsConnectorsBuilder builder, string hotelId)
    {
        // First, so that a hotel key used twice fails with the registry's message before anything else is added.
        builder.AddConnector(hotelId, PmsVendors.Apaleo, sp => new ApaleoConnector(
            OptionsSource(sp, hotelId),
            Clients(sp, hotelId),
            sp.GetRequiredKeyedService<IApaleoSubscriptions>(hotelId),
            sp.GetRequiredService<TimeProvider>()));
        builder.AddApaleoVendor();

        var services = builder.Services;
        services.AddHttpClient(ApaleoClients.CoreClientName(hotelId))
            .AddPmsHttpPipeline<ApaleoOptions>(hotelId, (sp, o) => HttpClientOptions(sp, hotelId, o, o.BaseAddress ?? ApaleoOptions.DefaultBaseAddress));
        services.AddHttpClient(ApaleoClients.WebhookClientName(hotelId))
            .AddPmsHttpPipeline<ApaleoOptions>(hotelId, (sp, o) => HttpClientOptions(sp, hotelId, o, o.WebhookAddress ?? ApaleoOptions.DefaultWebhookAddress));
        services.AddKeyedSingleton<IApaleoSubscriptions>(hotelId, static (sp, key) =>
        {
            var hotel = (string)key!;
            var time = sp.GetRequiredService<TimeProvider>();
            return new ApaleoSubscriptionClient(
                Clients(sp, hotel),
                ApaleoResponses.Instance,
                Options(sp, hotel).PropertyId,
                time);
        });
        builder.AddPmsWebhookHandler(hotelId, sp => new ApaleoWebhookHandler(
            hotelId,
            sp.GetRequiredService<IOptionsMonitor<ApaleoOptions>>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger<ApaleoWebhookHandler>() ?? NullLogger<ApaleoWebhookHandler>.Instance));
    }

    /// <summary>
    /// The pipeline settings of both of a hotel's clients. They share the account key <c>apaleo:{ClientId}</c>:
    /// Apaleo computes its limits "per Client ID + Account Code", and a custom app's client id belongs to one account,
    /// so every hotel of the account shares one pace and one token: the credential comes from the runtime's
    /// <see cref="PmsCredentialRegistry"/>, keyed by token endpoint, client id and scope. The pace is Apaleo's
    /// documented soft limit unless the options say otherwise.
    /// </summary>
    private static PmsHttpClientOptions HttpClientOptions(IServiceProvider services, string hotelId, ApaleoOptions options, Uri baseAddress)
    {
        var credential = services.GetRequiredService<PmsCredentialRegistry>().GetClientSecretCredential(new PmsClientSecretCredentialOptions
        {
            Vendor = PmsVendors.Apaleo,
            TokenAddress = options.TokenEndpoint ?? ApaleoOptions.DefaultTokenEndpoint,
            ClientId = options.ClientId,
            ClientSecret = options.ClientSecret,
            Scope = options.Scopes.Count == 0 ? null : string.Join(' ', options.Scopes.Select(s => s.Trim()).Distinct(StringComparer.Ordinal)),
        });
        return new PmsHttpClientOptions
        {
            Vendor = PmsVendors.Apaleo,
            HotelId = hotelId,
            BaseAddress = baseAddress,
            AccountKey = $"{PmsVendors.Apaleo}:{options.ClientId}",
            Authenticator = new PmsBearerTokenAuthenticator(credential),
            RateLimit = options.RequestsPerSecond == 0 ? null : new PmsRateLimitQuota(options.RequestsPerSecond, TimeSpan.FromSeconds(1)) { Burst = options.RequestBurst },
            ResponseClassifier = ApaleoResponseClassifier.Instance,
            RequestIdHeaders = { ApaleoResponseClassifier.TrackingIdHeader },
        }.WithTimeoutsOf(options);
    }

    private static ApaleoOptions Options(IServiceProvider services, string hotelId) =>
        services.GetRequiredService<IOptionsMonitor<ApaleoOptions>>().Get(hotelId);

    /// <summary>The hotel's current options: a new instance after a configuration reload, read by the connector and the pipeline alike.</summary>
    private static Func<ApaleoOptions> OptionsSource(IServiceProvider services, string hotelId)
    {
        var monitor = services.GetRequiredService<IOptionsMonitor<ApaleoOptions>>();
        return () => monitor.Get(hotelId);
    }

    private static ApaleoClients Clients(IServiceProvider services, string hotelId) =>
        new(services.GetRequiredService<IHttpClientFactory>(), hotelId, OptionsSource(services, hotelId), services.GetRequiredService<TimeProvider>());
}
