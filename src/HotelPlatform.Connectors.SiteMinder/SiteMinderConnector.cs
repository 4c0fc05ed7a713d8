using System.Xml.Linq;
using HotelPlatform.Connectors.SiteMinder.Distribution;
using HotelPlatform.Connectors.SiteMinder.Soap;
using HotelPlatform.Connectors.SiteMinder.Wire;

namespace HotelPlatform.Connectors.SiteMinder;

/// <summary>
/// One hotel at SiteMinder pmsXchange behind <see cref="IPmsConnector"/>. It declares only
/// <see cref="ConnectorCapabilities.Webhooks"/>: reservations arrive through the hotel's event source (pull) or webhook
/// handler (push); every other member throws <see cref="PmsNotSupportedException"/> with the reason
/// (<see cref="SiteMinderCapabilities.Explain"/>). The health check is <c>OTA_PingRQ</c>. Availability, restrictions and
/// rates are pushed through <see cref="ISiteMinderDistribution"/> (or the vendor-neutral
/// <see cref="IPmsRatesAndAvailabilityPush"/> over it), from <see cref="PmsConnector.GetService"/>.
/// </summary>
public sealed class SiteMinderConnector : PmsConnector
{
    private readonly SiteMinderSoapClient _client;
    private readonly SiteMinderDistribution _distribution;

    internal SiteMinderConnector(SiteMinderSoapClient client, TimeProvider timeProvider)
        : base(PmsVendors.SiteMinder, client.Options().PropertyId, SiteMinderCapabilities.Supported, timeProvider)
    {
        _client = client;
        _distribution = new SiteMinderDistribution(client, timeProvider);
    }

    /// <inheritdoc />
    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? base.GetService(serviceType, serviceKey)
            : serviceType == typeof(ISiteMinderDistribution) ? _distribution
            : serviceType == typeof(IPmsRatesAndAvailabilityPush) ? new SiteMinderRatesAndAvailabilityPush(_distribution)
            : base.GetService(serviceType, serviceKey);
    }

    /// <inheritdoc />
    protected override string? ExplainUnsupported(ConnectorCapabilities missing) => SiteMinderCapabilities.Explain(missing);

    /// <inheritdoc />
    protected override async Task CheckHealthCoreAsync(CancellationToken cancellationToken)
    {
        const string echo = "HotelPlatform.Connectors health check";
        var ping = Ota.Message("OTA_PingRQ", TimeProvider.GetUtcNow()).With(new XElement(Ota.N("EchoData"), echo));
        var answer = await _client.SendAsync(ping, cancellationToken).ConfigureAwait(false);
        if (answer.Element(Ota.N("Success")) is null || answer.Element(Ota.N("EchoData"))?.Value != echo)
        {
            throw new PmsException("SiteMinder answered OTA_PingRQ without Success or without echoing the data.") { Vendor = Vendor, Operation = "CheckHealth" };
        }
    }
}
