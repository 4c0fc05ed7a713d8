using HotelPlatform.Connectors.InMemory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors;

/// <summary>Registers in-memory hotels on <see cref="IPmsConnectorsBuilder"/>.</summary>
public static class InMemoryPmsConnectorsBuilderExtensions
{
    /// <summary>
    /// Registers an in-memory hotel. Its connector is the keyed <see cref="IPmsConnector"/> <paramref name="hotelId"/>;
    /// its state is the keyed <see cref="InMemoryPms"/> <paramref name="hotelId"/> (also <c>connector.GetService&lt;InMemoryPms&gt;()</c>).
    /// The clock is the <see cref="TimeProvider"/> registered in the container (register a <c>FakeTimeProvider</c> in tests).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="hotelId">The hotel's key.</param>
    /// <param name="configure">Sets the hotel's options and seeds it (<see cref="InMemoryPmsOptions.Seed"/>); <see langword="null"/> for the demo hotel.</param>
    /// <returns>The builder.</returns>
    public static IPmsConnectorsBuilder AddInMemory(this IPmsConnectorsBuilder builder, string hotelId, Action<InMemoryPmsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddPmsHotelOptions(hotelId, PmsVendors.InMemory, configure ?? (static _ => { }), InMemoryPmsOptionsValidator.Instance);
        return builder.AddInMemoryHotel(hotelId);
    }

    /// <summary>
    /// Registers an in-memory hotel whose settings are in <paramref name="configuration"/> (<c>PropertyId</c>,
    /// <c>Name</c>, <c>TimeZone</c>, <c>Currency</c>, <c>SeedDemoData</c>, <c>AllowArrivalsInThePast</c>,
    /// <c>Capabilities</c>, <c>DefaultPageSize</c>). Validated when the host starts.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="hotelId">The hotel's key.</param>
    /// <param name="configuration">The hotel's configuration section.</param>
    /// <returns>The builder.</returns>
    public static IPmsConnectorsBuilder AddInMemory(this IPmsConnectorsBuilder builder, string hotelId, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.AddPmsHotelOptions(hotelId, PmsVendors.InMemory, configuration, InMemoryPmsOptionsValidator.Instance);
        return builder.AddInMemoryHotel(hotelId);
    }

    /// <summary>Makes the <c>inmemory</c> vendor known to <see cref="PmsConnectorsBuilderExtensions.AddFromConfiguration"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IPmsConnectorsBuilder AddInMemoryVendor(this IPmsConnectorsBuilder builder) =>
        builder.AddVendor(InMemoryPmsVendor.Instance);

    private static IPmsConnectorsBuilder AddInMemoryHotel(this IPmsConnectorsBuilder builder, string hotelId)
    {
        // The state is its own keyed singleton so that a test can seed it or check a guest in without the connector.
        builder.Services.AddKeyedSingleton(hotelId, static (sp, key) =>
            Options(sp, (string)key!).CreatePms(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        return builder.AddConnector(hotelId, PmsVendors.InMemory, sp =>
        {
            var options = Options(sp, hotelId);
            return new InMemoryPmsConnector(sp.GetRequiredKeyedService<InMemoryPms>(hotelId), options.Capabilities, options.DefaultPageSize);
        });
    }

    private static InMemoryPmsOptions Options(IServiceProvider services, string hotelId) =>
        services.GetRequiredService<IOptionsMonitor<InMemoryPmsOptions>>().Get(hotelId);
}
