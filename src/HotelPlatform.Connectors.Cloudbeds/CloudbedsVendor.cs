using Microsoft.Extensions.Configuration;

namespace HotelPlatform.Connectors.Cloudbeds;

/// <summary>Lets <c>AddFromConfiguration</c> register hotels whose <c>Vendor</c> is <c>cloudbeds</c>.</summary>
internal sealed class CloudbedsVendor : IPmsConnectorVendor
{
    public static CloudbedsVendor Instance { get; } = new();

    public string Name => PmsVendors.Cloudbeds;

    public void AddHotel(IPmsConnectorsBuilder builder, string hotelId, IConfiguration configuration) =>
        builder.AddCloudbeds(hotelId, configuration);
}
