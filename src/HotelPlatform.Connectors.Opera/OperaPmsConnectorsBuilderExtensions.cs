using HotelPlatform.Connectors.Authentication;
using HotelPlatform.Connectors.Events;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Opera;
using HotelPlatform.Connectors.Opera.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors;

/// <summary>Registers OPERA Cloud (OHIP) hotels on <see cref="IPmsConnectorsBuilder"/>.</summary>
public static class OperaPmsConnectorsBuilderExtensions
{
    /// <summary>Adds an OPERA hotel configured in code.</summary>
    /// <param name="builder">The connectors builder.</param>
    /// <param name="hotelId">The application's key of the hotel.</param>
    /// <param name="configure">Sets the hotel's <see cref="OperaOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static IPmsConnectorsBuilder AddOpera(this IPmsConnectorsBuilder builder, string hotelId, Action<OperaOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.AddOperaHotel(hotelId);
        builder.Services.AddPmsHotelOptions(hotelId, PmsVendors.Opera, configure, OperaOptionsValidator.Instance);
        return builder;
    }

    /// <summary>Adds an OPERA hotel from a configuration section (unknown keys fail at start).</summary>
    /// <param name="builder">The connectors builder.</param>
    /// <param name="hotelId">The application's key of the hotel.</param>
    /// <param name="configuration">The hotel's section.</param>
    /// <returns>The builder.</returns>
    public static IPmsConnectorsBuilder AddOpera(this IPmsConnectorsBuilder builder, string hotelId, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.AddOperaHotel(hotelId);
        builder.Services.AddPmsHotelOptions(hotelId, PmsVendors.Opera, configuration, OperaOptionsValidator.Instance);
        return builder;
    }

    /// <summary>Lets <c>AddFromConfiguration</c> add hotels whose <c>Vendor</c> is <c>opera</c>.</summary>
    /// <param name="builder">The connectors builder.</param>
    /// <returns>The builder.</returns>
    public static IPmsConnectorsBuilder AddOperaVendor(this IPmsConnectorsBuilder builder) =>
        builder.AddVendor(OperaVendor.Instance);

    private static void AddOperaHotel(this IPmsConnectorsBuilder builder, string hotelId)
    {
        builder.AddConnector(hotelId, PmsVendors.Opera, sp => new OperaConnector(
            OptionsSource(sp, hotelId),
            Clients(sp, hotelId),
            sp.GetRequiredService<TimeProvider>()));
        builder.AddOperaVendor();
        builder.Services.AddHttpClient(OperaClients.ClientName(hotelId))
            .AddPmsHttpPipeline<OperaOptions>(hotelId, (sp, o) => HttpClientOptions(sp, hotelId, o));
        builder.AddPmsEventSource(hotelId, sp => new OperaBusinessEventSource(
            Clients(sp, hotelId),
            OptionsSource(sp, hotelId),
            OperaEventOutbox.For(sp.GetRequiredService<IOptionsMonitor<OperaOptions>>().Get(hotelId)),
            sp.GetRequiredService<TimeProvider>()));
    }

    /// <summary>
    /// One token per environment: the credential is keyed by gateway, client, scope and secrets, so every hotel of the
    /// environment gets the same one from <see cref="PmsCredentialRegistry"/>; the account key (gateway + client) gives
    /// them one throttle and one 429 pause.
    /// </summary>
    private static PmsHttpClientOptions HttpClientOptions(IServiceProvider services, string hotelId, OperaOptions options)
    {
        var gateway = options.BaseAddress!;
        var credentialOptions = new PmsClientSecretCredentialOptions
        {
            Vendor = PmsVendors.Opera,
            TokenAddress = new Uri(gateway, "oauth/v1/tokens"),
            ClientId = options.ClientId,
            ClientSecret = options.ClientSecret,
            Grant = options.Grant == OperaGrant.Password ? PmsClientSecretGrant.Password : PmsClientSecretGrant.ClientCredentials,
            UserName = options.UserName,
            Password = options.Password,
            Scope = options.Grant == OperaGrant.ClientCredentials ? options.Scope : null,
        };
        credentialOptions.TokenRequestHeaders["x-app-key"] = options.AppKey;
        if (options.EnterpriseId is { } enterprise)
        {
            credentialOptions.TokenRequestHeaders["enterpriseId"] = enterprise;
        }

        var credential = services.GetRequiredService<PmsCredentialRegistry>().GetClientSecretCredential(credentialOptions);
        return new PmsHttpClientOptions
        {
            Vendor = PmsVendors.Opera,
            HotelId = hotelId,
            BaseAddress = gateway,
            AccountKey = $"{PmsVendors.Opera}:{gateway.Authority}:{options.ClientId}",
            Authenticator = new PmsCompositeAuthenticator(
                new PmsBearerTokenAuthenticator(credential),
                new PmsHeaderAuthenticator([new("x-app-key", options.AppKey), new("x-hotelid", options.PropertyId)])),
            RateLimit = options.RequestsPerSecond == 0 ? null : new PmsRateLimitQuota(options.RequestsPerSecond, TimeSpan.FromSeconds(1)) { Burst = options.RequestBurst },
            ResponseClassifier = OperaResponseClassifier.Instance,
            RequestIdHeaders = { OperaResponseClassifier.RequestIdHeader },
        }.WithTimeoutsOf(options);
    }

    private static Func<OperaOptions> OptionsSource(IServiceProvider services, string hotelId)
    {
        var monitor = services.GetRequiredService<IOptionsMonitor<OperaOptions>>();
        return () => monitor.Get(hotelId);
    }

    private static OperaClients Clients(IServiceProvider services, string hotelId) =>
        new(services.GetRequiredService<IHttpClientFactory>(), hotelId, OptionsSource(services, hotelId), services.GetRequiredService<TimeProvider>());
}
