using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors;

/// <summary>Registers hotels and connector middleware; returned by <see cref="PmsServiceCollectionExtensions.AddPmsConnectors"/>.</summary>
public interface IPmsConnectorsBuilder
{
    /// <summary>Gets the service collection the builder adds to.</summary>
    IServiceCollection Services { get; }
}

/// <summary>A vendor connector package's entry point for configuration-driven registration (<see cref="PmsConnectorsBuilderExtensions.AddFromConfiguration"/>).</summary>
public interface IPmsConnectorVendor
{
    /// <summary>Gets the vendor name a hotel's <c>Vendor</c> setting names (case-insensitive), for example <c>apaleo</c>.</summary>
    string Name { get; }

    /// <summary>Registers one hotel whose settings are in <paramref name="configuration"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="hotelId">The hotel's key.</param>
    /// <param name="configuration">The hotel's configuration section.</param>
    void AddHotel(IPmsConnectorsBuilder builder, string hotelId, Microsoft.Extensions.Configuration.IConfiguration configuration);
}

/// <summary>One hotel registered with the builder: its key, its vendor and how its connector is made.</summary>
public sealed class PmsHotelRegistration
{
    /// <summary>Initializes a new instance of the <see cref="PmsHotelRegistration"/> class.</summary>
    /// <param name="hotelId">The hotel's key.</param>
    /// <param name="vendor">The vendor name.</param>
    /// <param name="factory">Makes the hotel's (undecorated) connector.</param>
    public PmsHotelRegistration(string hotelId, string vendor, Func<IServiceProvider, IPmsConnector> factory)
    {
        PmsHotelIds.ThrowIfInvalid(hotelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(vendor);
        ArgumentNullException.ThrowIfNull(factory);
        HotelId = hotelId;
        Vendor = vendor;
        Factory = factory;
    }

    /// <summary>Gets the hotel's key, as used with keyed services and <see cref="IPmsConnectorRegistry"/>.</summary>
    public string HotelId { get; }

    /// <summary>Gets the vendor name.</summary>
    public string Vendor { get; }

    /// <summary>Gets the function that makes the hotel's undecorated connector.</summary>
    public Func<IServiceProvider, IPmsConnector> Factory { get; }
}

/// <summary>Wraps every hotel's connector; registered with <c>PmsConnectorsBuilderExtensions.Use</c>.</summary>
/// <param name="Decorate">Returns the connector that wraps the given one.</param>
public sealed record PmsConnectorDecorator(Func<IPmsConnector, IServiceProvider, IPmsConnector> Decorate);

/// <summary>The rules of hotel keys.</summary>
public static class PmsHotelIds
{
    /// <summary>Throws unless <paramref name="hotelId"/> is 1 to 64 letters, digits, '-', '_' or '.'.</summary>
    /// <param name="hotelId">The key.</param>
    /// <param name="paramName">The parameter name.</param>
    public static void ThrowIfInvalid(string? hotelId, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(hotelId))] string? paramName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hotelId, paramName);
        if (hotelId.Length > 64 || !hotelId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ArgumentException($"Hotel key '{hotelId}' must be 1 to 64 letters, digits, '-', '_' or '.'.", paramName);
        }
    }
}
