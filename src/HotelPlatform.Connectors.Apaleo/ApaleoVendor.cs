using Microsoft.Extensions.Configuration;

namespace HotelPlatform.Connectors.Apaleo;

/// <summary>Lets <c>AddFromConfiguration</c> register hotels whose <c>Vendor</c> is <c>apaleo</c>.</summary>
internal sealed class ApaleoVendor : IPmsConnectorVendor
{
    public static ApaleoVendor Instance { get; } = new();

    public string Name => PmsVendors.Apaleo;

    public void AddHotel(IPmsConnectorsBuilder builder, string hotelId, IConfiguration configuration) =>
        builder.AddApaleo(hotelId, configuration);
}
