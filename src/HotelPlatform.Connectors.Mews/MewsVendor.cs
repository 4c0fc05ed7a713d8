using Microsoft.Extensions.Configuration;

namespace HotelPlatform.Connectors.Mews;

/// <summary>Lets <c>AddFromConfiguration</c> register hotels whose <c>Vendor</c> is <c>mews</c>.</summary>
internal sealed class MewsVendor : IPmsConnectorVendor
{
    public static MewsVendor Instance { get; } = new();

    public string Name => PmsVendors.Mews;

    public void AddHotel(IPmsConnectorsBuilder builder, string hotelId, IConfiguration configuration) =>
        builder.AddMews(hotelId, configuration);
}
