using HotelPlatform.Connectors.Events;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.SiteMinder;
using HotelPlatform.Connectors.SiteMinder.Events;
using HotelPlatform.Connectors.SiteMinder.Soap;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors;

/// <summary>Registers SiteMinder (pmsXchange) hotels on <see cref="IPmsConnectorsBuilder"/>.</summary>
public static class SiteMinderPmsConnectorsBuilderExtensions
{
    /// <summary>
    /// Registers a SiteMinder hotel whose settings are set in code: its connector (keyed <see cref="IPmsConnector"/>
    /// <paramref name="hotelId"/>), its polled event source (PULL: keyed <see cref="IPmsEventSource"/>) and its webhook
    /// handler (PUSH: keyed <see cref="IPmsWebhookHandler"/>). The options are validated when the host starts.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="hotelId">The hotel's key.</param>
    /// <param name="configure">Sets the hotel's options (<see cref="SiteMinderOptions"/>).</param>
    /// <returns>The builder.</returns>
    public static IPmsConnectorsBuilder AddSiteMinder(this IPmsConnectorsBuilder builder, string hotelId, Action<SiteMinderOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.AddSiteMinderHotel(hotelId);
        builder.Services.AddPmsHotelOptions(hotelId, PmsVendors.SiteMinder, configure, SiteMinderOptionsValidator.Instance);
        return builder;
    }

    /// <summary>
    /// Registers a SiteMinder hotel whose settings are in <paramref name="configuration"/> (<c>PropertyId</c>,
    /// <c>RequestorId</c>, <c>Username</c>, <c>Password</c>, <c>BaseAddress</c>, <c>PollInterval</c>, <c>Push:Username</c>,
    /// <c>Push:Password</c>, <c>AttemptTimeout</c>, <c>TotalTimeout</c>, <c>MaxRetryAfter</c>). Validated when the host
    /// starts; an unknown key fails too.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="hotelId">The hotel's key.</param>
    /// <param name="configuration">The hotel's configuration section.</param>
    /// <returns>The builder.</returns>
    public static IPmsConnectorsBuilder AddSiteMinder(this IPmsConnectorsBuilder builder, string hotelId, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.AddSiteMinderHotel(hotelId);
        builder.Services.AddPmsHotelOptions(hotelId, PmsVendors.SiteMinder, configuration, SiteMinderOptionsValidator.Instance);
        return builder;
    }

    /// <summary>Makes the <c>siteminder</c> vendor known to <see cref="PmsConnectorsBuilderExtensions.AddFromConfiguration"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IPmsConnectorsBuilder AddSiteMinderVendor(this IPmsConnectorsBuilder builder) =>
        builder.AddVendor(SiteMinderVendor.Instance);

    private static void AddSiteMinderHotel(this IPmsConnectorsBuilder builder, string hotelId)
    {
        builder.AddConnector(hotelId, PmsVendors.SiteMinder, sp => new SiteMinderConnector(Client(sp, hotelId), sp.GetRequiredService<TimeProvider>()));
        builder.AddSiteMinderVendor();
        builder.Services.AddHttpClient(SiteMinderSoapClient.ClientName(hotelId))
            .AddPmsHttpPipeline<SiteMinderOptions>(hotelId, (sp, o) => new PmsHttpClientOptions
            {
                Vendor = PmsVendors.SiteMinder,
                HotelId = hotelId,
                BaseAddress = o.EffectiveAddress,

                // One pace and one pause per PMS login: SiteMinder's credentials are PMS-level or hotel-level.
                AccountKey = $"{PmsVendors.SiteMinder}:{o.Username}",
                Authenticator = new SiteMinderUsernameTokenAuthenticator(OptionsSource(sp, hotelId)),
                ResponseClassifier = SiteMinderResponseClassifier.Instance,
            }.WithTimeoutsOf(o));
        builder.AddPmsEventSource(hotelId, sp => new SiteMinderEventSource(Client(sp, hotelId), sp.GetRequiredService<TimeProvider>()));
        builder.AddPmsWebhookHandler(hotelId, sp => new SiteMinderWebhookHandler(
            hotelId,
            OptionsSource(sp, hotelId),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger<SiteMinderWebhookHandler>() ?? NullLogger<SiteMinderWebhookHandler>.Instance));
    }

    private static Func<SiteMinderOptions> OptionsSource(IServiceProvider services, string hotelId)
    {
        var monitor = services.GetRequiredService<IOptionsMonitor<SiteMinderOptions>>();
        return () => monitor.Get(hotelId);
    }

    private static SiteMinderSoapClient Client(IServiceProvider services, string hotelId) =>
        new(services.GetRequiredService<IHttpClientFactory>(), hotelId, OptionsSource(services, hotelId));
}
