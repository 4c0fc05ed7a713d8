using Microsoft.Extensions.Configuration;

namespace HotelPlatform.Connectors.SiteMinder;

/// <summary>Lets <c>AddFromConfiguration</c> register hotels whose <c>Vendor</c> is <c>siteminder</c>.</summary>
internal sealed class SiteMinderVendor : IPmsConnectorVendor
{
    public static SiteMinderVendor Instance { get; } = new();

    public string Name => PmsVendors.SiteMinder;

    public void AddHotel(IPmsConnectorsBuilder builder, string hotelId, IConfiguration configuration) =>
        builder.AddSiteMinder(hotelId, configuration);
}
