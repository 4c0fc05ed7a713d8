using HotelPlatform.Connectors.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors;

/// <summary>Hotel registration and middleware composition on <see cref="IPmsConnectorsBuilder"/>.</summary>
public static class PmsConnectorsBuilderExtensions
{
    /// <summary>
    /// Registers a hotel. Its connector is resolvable as a keyed <see cref="IPmsConnector"/> (key = <paramref name="hotelId"/>)
    /// and through <see cref="IPmsConnectorRegistry"/>; it is made once, on first use, and wrapped by the middleware
    /// registered with <c>Use</c>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="hotelId">The hotel's key (letters, digits, '-', '_', '.').</param>
    /// <param name="vendor">The vendor name.</param>
    /// <param name="factory">Makes the hotel's connector.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">A hotel with that key is already registered.</exception>
    public static IPmsConnectorsBuilder AddConnector(this IPmsConnectorsBuilder builder, string hotelId, string vendor, Func<IServiceProvider, IPmsConnector> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var registration = new PmsHotelRegistration(hotelId, vendor, factory);
        var existing = builder.Services
            .Where(d => d.ServiceType == typeof(PmsHotelRegistration) && d.ImplementationInstance is PmsHotelRegistration)
            .Select(d => (PmsHotelRegistration)d.ImplementationInstance!)
            .FirstOrDefault(r => string.Equals(r.HotelId, hotelId, StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
        {
            throw new InvalidOperationException($"Hotel '{hotelId}' is already registered (vendor {existing.Vendor}); hotel keys are unique, case-insensitively.");
        }

        builder.Services.AddSingleton(registration);
        builder.Services.AddKeyedSingleton<IPmsConnector>(hotelId, static (sp, key) => sp.GetRequiredService<IPmsConnectorRegistry>().Get((string)key!));
        return builder;
    }

    /// <summary>
    /// Adds middleware around every hotel's connector. The first <c>Use</c> is the outermost layer; telemetry always
    /// wraps the whole stack so that it sees what the caller sees.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="decorate">Returns the connector that wraps the given one (typically a <see cref="DelegatingPmsConnector"/>).</param>
    /// <returns>The builder.</returns>
    public static IPmsConnectorsBuilder Use(this IPmsConnectorsBuilder builder, Func<IPmsConnector, IServiceProvider, IPmsConnector> decorate)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(decorate);
        builder.Services.AddSingleton(new PmsConnectorDecorator(decorate));
        return builder;
    }

    /// <summary>Adds middleware around every hotel's connector.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="decorate">Returns the connector that wraps the given one.</param>
    /// <returns>The builder.</returns>
    public static IPmsConnectorsBuilder Use(this IPmsConnectorsBuilder builder, Func<IPmsConnector, IPmsConnector> decorate)
    {
        ArgumentNullException.ThrowIfNull(decorate);
        return builder.Use((inner, _) => decorate(inner));
    }

    /// <summary>
    /// Configures the runtime's telemetry (shared by every hotel), for example to tag the operation metrics with the hotel
    /// key: <c>.ConfigureTelemetry(o =&gt; o.IncludeHotelInMetrics = true)</c>. The settings are
    /// <see cref="PmsTelemetryOptions"/>, an ordinary options class, so <c>services.Configure&lt;PmsTelemetryOptions&gt;(section)</c>
    /// works as well. Read once per hotel, when its connector is made.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IPmsConnectorsBuilder ConfigureTelemetry(this IPmsConnectorsBuilder builder, Action<PmsTelemetryOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Configures the runtime's in-process rate limiter (shared by every hotel of a vendor account), for example the share
    /// of each bucket kept for interactive calls: <c>.ConfigureRateLimiting(o =&gt; o.InteractiveReserve = 0.3)</c>.
    /// <see cref="PmsRateLimitingOptions"/> is an ordinary options class, validated when the host starts.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IPmsConnectorsBuilder ConfigureRateLimiting(this IPmsConnectorsBuilder builder, Action<PmsRateLimitingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Declares settings that may appear in a hotel's configuration section although the hotel's options class has no
    /// such property: keys read by the application itself (the sample host's <c>Embedded</c> switch, for example). Every
    /// other unknown key fails the host at start, naming the key and its configuration path (see
    /// <see cref="PmsHotelOptionsServiceCollectionExtensions.AddPmsHotelOptions{TOptions}(IServiceCollection, string, string, IConfiguration, PmsConnectorOptionsValidator{TOptions}?)"/>).
    /// The keys apply to every hotel, are compared case-insensitively, name top-level settings of the hotel's section
    /// (<c>Embedded</c>) or nested ones (<c>Simulator:Seed</c>), and allow everything beneath them. <c>Vendor</c> is always allowed.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="keys">The allowed keys.</param>
    /// <returns>The builder.</returns>
    public static IPmsConnectorsBuilder AllowConfigurationKeys(this IPmsConnectorsBuilder builder, params string[] keys)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(key, nameof(keys));
            builder.Services.AddSingleton(new PmsAllowedConfigurationKey(key.Trim()));
        }

        return builder;
    }

    /// <summary>Makes a vendor known to <see cref="AddFromConfiguration"/>. Vendor packages call this from their own registration methods.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="vendor">The vendor.</param>
    /// <returns>The builder.</returns>
    public static IPmsConnectorsBuilder AddVendor(this IPmsConnectorsBuilder builder, IPmsConnectorVendor vendor)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(vendor);
        var catalog = GetCatalog(builder.Services);
        catalog.TryAdd(vendor.Name, vendor);
        return builder;
    }

    /// <summary>
    /// Registers every hotel of a configuration section. Each child section is one hotel, keyed by the child's name, and
    /// names its vendor in <c>Vendor</c>; the other settings are the vendor's options:
    /// <code>
    /// "Hotels": { "berlin-mitte": { "Vendor": "apaleo", "PropertyId": "BER", "ClientId": "...", "ClientSecret": "..." } }
    /// </code>
    /// The vendor must be known: call its package's registration (for example <c>AddApaleoVendor()</c>) first.
    /// A key the vendor's options do not have (<c>ClientSecert</c>) fails the host at start with the key, its path and
    /// the nearest known setting; declare keys the application reads itself with <see cref="AllowConfigurationKeys"/>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section whose children are hotels.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">A hotel names no vendor, or a vendor no package registered.</exception>
    public static IPmsConnectorsBuilder AddFromConfiguration(this IPmsConnectorsBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var catalog = GetCatalog(builder.Services);
        foreach (var hotel in configuration.GetChildren())
        {
            var vendorName = hotel["Vendor"];
            if (string.IsNullOrWhiteSpace(vendorName))
            {
                throw new InvalidOperationException($"Hotel '{hotel.Key}' ({hotel.Path}) has no Vendor setting. Known vendors: {Known(catalog)}.");
            }

            if (!catalog.TryGetValue(vendorName.Trim(), out var vendor))
            {
                throw new InvalidOperationException(
                    $"Hotel '{hotel.Key}' ({hotel.Path}:Vendor) names vendor '{vendorName}', which no connector package registered. " +
                    $"Known vendors: {Known(catalog)}. Reference the vendor's package and call its Add...Vendor() method before AddFromConfiguration.");
            }

            vendor.AddHotel(builder, hotel.Key, hotel);
        }

        return builder;
    }

    private static string Known(Dictionary<string, IPmsConnectorVendor> catalog) =>
        catalog.Count == 0 ? "(none)" : string.Join(", ", catalog.Keys.Order(StringComparer.OrdinalIgnoreCase));

    private static Dictionary<string, IPmsConnectorVendor> GetCatalog(IServiceCollection services)
    {
        var descriptor = services.FirstOrDefault(d => d.ServiceType == typeof(PmsVendorCatalog));
        if (descriptor?.ImplementationInstance is PmsVendorCatalog catalog)
        {
            return catalog.Vendors;
        }

        catalog = new PmsVendorCatalog();
        services.AddSingleton(catalog);
        return catalog.Vendors;
    }
}

/// <summary>The vendors known to configuration-driven registration.</summary>
internal sealed class PmsVendorCatalog
{
    public Dictionary<string, IPmsConnectorVendor> Vendors { get; } = new(StringComparer.OrdinalIgnoreCase);
}
