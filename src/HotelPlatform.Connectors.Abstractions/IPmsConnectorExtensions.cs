namespace HotelPlatform.Connectors;

/// <summary>Convenience members over <see cref="IPmsConnector"/>.</summary>
public static class PmsConnectorExtensions
{
    /// <summary>Gets a vendor-specific service of type <typeparamref name="TService"/>.</summary>
    /// <typeparam name="TService">The type of service requested.</typeparam>
    /// <param name="connector">The connector.</param>
    /// <param name="serviceKey">An optional key to distinguish services of the same type.</param>
    /// <returns>The service, or <see langword="null"/> when the connector has none.</returns>
    public static TService? GetService<TService>(this IPmsConnector connector, object? serviceKey = null)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(connector);
        return connector.GetService(typeof(TService), serviceKey) as TService;
    }

    /// <summary>
    /// Gets a feature sub-client (folios, group blocks, ARI push, ...) or another vendor-specific service, throwing when
    /// the connector has none. This is how operations added after <see cref="IPmsConnector"/>'s first release are reached
    /// (see the remarks of <see cref="IPmsConnector"/>): <c>pms.GetRequiredService&lt;IPmsFolios&gt;()</c>.
    /// </summary>
    /// <typeparam name="TService">The type of service requested; its <see cref="PmsFeatureAttribute"/>, if any, names the feature in the error.</typeparam>
    /// <param name="connector">The connector.</param>
    /// <param name="serviceKey">An optional key to distinguish services of the same type.</param>
    /// <returns>The service.</returns>
    /// <exception cref="PmsNotSupportedException">The connector has no such service; <see cref="PmsException.Vendor"/> and <see cref="PmsNotSupportedException.Feature"/> say which vendor and which feature.</exception>
    public static TService GetRequiredService<TService>(this IPmsConnector connector, object? serviceKey = null)
        where TService : class
    {
        var service = connector.GetService<TService>(serviceKey);
        if (service is not null)
        {
            return service;
        }

        var feature = PmsFeatureAttribute.NameOf(typeof(TService));
        var key = serviceKey is null ? string.Empty : $" with key '{serviceKey}'";
        throw new PmsNotSupportedException(
            $"The {connector.Vendor} connector (property {connector.PropertyId}) does not support {feature}: it offers no {typeof(TService).FullName}{key}. Check with GetService<{typeof(TService).Name}>() before relying on it.",
            ConnectorCapabilities.None)
        {
            Vendor = connector.Vendor,
            Feature = feature,
        };
    }

    /// <summary>Returns whether the connector has every capability in <paramref name="capabilities"/>.</summary>
    /// <param name="connector">The connector.</param>
    /// <param name="capabilities">The capabilities to test.</param>
    /// <returns><see langword="true"/> when all are present.</returns>
    public static bool Supports(this IPmsConnector connector, ConnectorCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(connector);
        return (connector.Capabilities & capabilities) == capabilities;
    }
}
