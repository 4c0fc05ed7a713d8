using Microsoft.Extensions.Configuration;

namespace HotelPlatform.Connectors.InMemory;

/// <summary>Lets <c>AddFromConfiguration</c> register hotels whose <c>Vendor</c> is <c>inmemory</c>.</summary>
internal sealed class InMemoryPmsVendor : IPmsConnectorVendor
{
    public static InMemoryPmsVendor Instance { get; } = new();

    public string Name => PmsVendors.InMemory;

    public void AddHotel(IPmsConnectorsBuilder builder, string hotelId, IConfiguration configuration) =>
        builder.AddInMemory(hotelId, configuration);
}
