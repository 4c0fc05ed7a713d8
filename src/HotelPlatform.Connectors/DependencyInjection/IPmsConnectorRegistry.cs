using System.Diagnostics.CodeAnalysis;

namespace HotelPlatform.Connectors;

/// <summary>The hotels registered with <see cref="PmsServiceCollectionExtensions.AddPmsConnectors"/> and their connectors.</summary>
public interface IPmsConnectorRegistry
{
    /// <summary>Gets the registered hotels, in registration order.</summary>
    IReadOnlyList<PmsHotelRegistration> Hotels { get; }

    /// <summary>Gets the (decorated) connector of a hotel, making it on first use.</summary>
    /// <param name="hotelId">The hotel's key.</param>
    /// <returns>The connector.</returns>
    /// <exception cref="KeyNotFoundException">No hotel has that key; the message lists the keys there are.</exception>
    IPmsConnector Get(string hotelId);

    /// <summary>Gets the connector of a hotel, if registered.</summary>
    /// <param name="hotelId">The hotel's key.</param>
    /// <param name="connector">The connector, when found.</param>
    /// <returns><see langword="true"/> when the hotel is registered.</returns>
    bool TryGet(string hotelId, [NotNullWhen(true)] out IPmsConnector? connector);
}
