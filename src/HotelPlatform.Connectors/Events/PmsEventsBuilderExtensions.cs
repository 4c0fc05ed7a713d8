using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Events;

/// <summary>
/// How a vendor package registers a hotel's webhook handler and polled event source: as keyed singletons whose key is
/// the hotel id, exactly like the hotel's <see cref="IPmsConnector"/>. The webhook framework finds them with
/// <c>GetKeyedService&lt;IPmsWebhookHandler&gt;(hotelId)</c> / <c>GetKeyedService&lt;IPmsEventSource&gt;(hotelId)</c>
/// (<see langword="null"/>: the hotel has none), for each hotel of <see cref="IPmsConnectorRegistry.Hotels"/>.
/// </summary>
public static class PmsEventsBuilderExtensions
{
    /// <summary>Registers a hotel's webhook handler, resolvable as the keyed <see cref="IPmsWebhookHandler"/> <paramref name="hotelId"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="hotelId">The key of a hotel registered on <paramref name="builder"/>.</param>
    /// <param name="factory">Makes the handler (once, on first use).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">The hotel is not registered, or already has a webhook handler.</exception>
    public static IPmsConnectorsBuilder AddPmsWebhookHandler(this IPmsConnectorsBuilder builder, string hotelId, Func<IServiceProvider, IPmsWebhookHandler> factory) =>
        Add(builder, hotelId, factory, "webhook handler", "a webhook handler");

    /// <summary>Registers a hotel's polled event source, resolvable as the keyed <see cref="IPmsEventSource"/> <paramref name="hotelId"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="hotelId">The key of a hotel registered on <paramref name="builder"/>.</param>
    /// <param name="factory">Makes the source (once, on first use).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">The hotel is not registered, or already has an event source.</exception>
    public static IPmsConnectorsBuilder AddPmsEventSource(this IPmsConnectorsBuilder builder, string hotelId, Func<IServiceProvider, IPmsEventSource> factory) =>
        Add(builder, hotelId, factory, "event source", "an event source");

    private static IPmsConnectorsBuilder Add<TService>(IPmsConnectorsBuilder builder, string hotelId, Func<IServiceProvider, TService> factory, string what, string aWhat)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        PmsHotelIds.ThrowIfInvalid(hotelId);
        ArgumentNullException.ThrowIfNull(factory);
        var services = builder.Services;
        if (!services.Any(d => d.ImplementationInstance is PmsHotelRegistration registration && string.Equals(registration.HotelId, hotelId, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"Hotel '{hotelId}' is not registered; register the hotel (AddConnector or the vendor's Add method) before its {what}.");
        }

        if (services.Any(d => d.ServiceType == typeof(TService) && d.IsKeyedService && Equals(d.ServiceKey, hotelId)))
        {
            throw new InvalidOperationException($"Hotel '{hotelId}' already has {aWhat}; a hotel has one.");
        }

        services.AddKeyedSingleton<TService>(hotelId, (sp, _) => factory(sp));
        return builder;
    }
}
