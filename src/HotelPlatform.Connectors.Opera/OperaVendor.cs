using Microsoft.Extensions.Configuration;

namespace HotelPlatform.Connectors.Opera;

/// <summary>Adds OPERA hotels from configuration (<c>"Vendor": "opera"</c>).</summary>
internal sealed class OperaVendor : IPmsConnectorVendor
{
    public static OperaVendor Instance { get; } = new();

    public string Name => PmsVendors.Opera;

    public void AddHotel(IPmsConnectorsBuilder builder, string hotelId, IConfiguration configuration) =>
        builder.AddOpera(hotelId, configuration);
}
