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

    /// <summary>Gets a vendor-specific service, throwing when the connector has none.</summary>
    /// <typeparam name="TService">The type of service requested.</typeparam>
    /// <param name="connector">The connector.</param>
    /// <param name="serviceKey">An optional key to distinguish services of the same type.</param>
    /// <returns>The service.</returns>
    /// <exception cref="PmsNotSupportedException">The connector has no such service.</exception>
    public static TService GetRequiredService<TService>(this IPmsConnector connector, object? serviceKey = null)
        where TService : class
        => connector.GetService<TService>(serviceKey)
           ?? throw new PmsNotSupportedException(
               $"The {connector.Vendor} connector offers no service of type {typeof(TService).FullName}.",
               ConnectorCapabilities.None)
           { Vendor = connector.Vendor };

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
