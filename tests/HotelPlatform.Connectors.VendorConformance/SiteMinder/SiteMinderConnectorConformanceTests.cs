using System.Text;
using HotelPlatform.Connectors.Events;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.SiteMinder;
using HotelPlatform.Connectors.SiteMinder;
using HotelPlatform.Connectors.SiteMinder.Distribution;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.VendorConformance.SiteMinder;

/// <summary>
/// Holds every message the SiteMinder connector sends to the OpenTravel 2015B XSDs pmsXchange messages are defined by:
/// a session through each of its paths (health check, pull, confirmation, availability, restrictions, rates) runs against
/// the SiteMinder simulator, and each SOAP request the simulator recorded has its OTA body validated; the answer the
/// push handler gives SiteMinder (<c>OTA_HotelResNotifRS</c>) is validated too.
/// </summary>
public sealed class SiteMinderConnectorConformanceTests
{
    private const string HotelId = "conformance";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static XmlSchemaValidator Ota2015B() => VendorSpecs.LoadXmlSchemas("siteminder/ota-xsd/2015B", "OTA_*R?.xsd");

    [Fact]
    public async Task Every_message_the_connector_sends_validates_against_the_ota_2015B_schemas()
    {
        XmlSchemaValidator schemas = Ota2015B();
        await using var simulator = new SiteMinderSimulator(new SimulatorOptions { EnforceRateLimits = false });
        await simulator.StartAsync(Ct);
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddPmsConnectors().AddSiteMinder(HotelId, o =>
        {
            o.BaseAddress = simulator.EndpointAddress;
            o.PropertyId = simulator.SiteMinderOptions.HotelCode;
            o.RequestorId = simulator.SiteMinderOptions.RequestorId;
            o.Username = simulator.SiteMinderOptions.Username;
            o.Password = simulator.SiteMinderOptions.Password;
            o.Push.Username = "push-user";
            o.Push.Password = "Push-Pa55word-2026";
        });
        await using var provider = services.BuildServiceProvider();
        var connector = provider.GetRequiredKeyedService<IPmsConnector>(HotelId);
        var source = provider.GetRequiredKeyedService<IPmsEventSource>(HotelId);
        var distribution = connector.GetService<ISiteMinderDistribution>()!;
        var day = new DateOnly(2026, 7, 1);

        await connector.CheckHealthAsync(Ct);
        var batch = await source.PollOnceAsync(null, (_, _) => ValueTask.CompletedTask, Ct);
        simulator.QueueModification(simulator.Messages[0].Reservation with { Adults = 3 });

        // A reservation without a guest surname is reported back with Errors (the other OTA_NotifReportRQ form).
        simulator.QueueBooking(simulator.Messages[0].Reservation with { ChannelReference = "EXP-NONAME", GuestLastName = string.Empty });
        await source.PollOnceAsync(null, (_, _) => ValueTask.CompletedTask, Ct);
        Assert.Contains(simulator.Messages, m => m.ReportedError is not null);
        await distribution.PushAvailabilityAsync([new("DBL", day, 4), new("DBL", day.AddDays(1), 4), new("TWN", day, 0)], Ct);
        await distribution.PushRestrictionsAsync([new("DBL", "BAR", day) { Closed = true, ClosedToArrival = false, ClosedToDeparture = true, MinStay = 2, MaxStay = 7 }], Ct);
        await distribution.PushRatesAsync([new("DBL", "BAR", day, "AUD", new Dictionary<int, decimal> { [1] = 120m, [2] = 140.25m })], Ct);

        Assert.Equal(2, batch.Events.Count);
        var sent = simulator.Requests.Select(r => (Request: r.ToString(), Name: MessageName(r.Body), Result: schemas.ValidateSoapBody(r.Body))).ToList();
        Assert.Equal(
            ["OTA_HotelAvailNotifRQ", "OTA_HotelRateAmountNotifRQ", "OTA_NotifReportRQ", "OTA_PingRQ", "OTA_ReadRQ"],
            sent.Select(s => s.Name).Distinct().Order(StringComparer.Ordinal));
        var invalid = sent.Where(s => !s.Result.IsValid).Select(s => $"{s.Name}: {s.Result}").ToList();
        Assert.True(invalid.Count == 0, string.Join(Environment.NewLine, invalid));
        Assert.Empty(simulator.ValidationFailures);

        var push = await provider.GetRequiredKeyedService<IPmsWebhookHandler>(HotelId).HandleAsync(PushOf(simulator), Ct);
        Assert.Equal(PmsWebhookOutcome.Events, push.Outcome);
        schemas.ValidateSoapBody(Encoding.UTF8.GetString(push.Response!.Body.Span)).AssertValid();
    }

    private static string MessageName(string envelope)
    {
        int body = envelope.IndexOf("Body>", StringComparison.Ordinal) + 5;
        int end = envelope.IndexOfAny([' ', '>'], body);
        string name = envelope[(body + 1)..end];
        return name.Contains(':', StringComparison.Ordinal) ? name[(name.IndexOf(':', StringComparison.Ordinal) + 1)..] : name;
    }

    /// <summary>A push as SiteMinder sends it: the simulator's own OTA reservation inside OTA_HotelResNotifRQ.</summary>
    private static PmsWebhookRequest PushOf(SiteMinderSimulator simulator)
    {
        string envelope = $"""
            <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Header><wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><wsse:UsernameToken><wsse:Username>push-user</wsse:Username><wsse:Password>Push-Pa55word-2026</wsse:Password></wsse:UsernameToken></wsse:Security></SOAP-ENV:Header><SOAP-ENV:Body>
            <OTA_HotelResNotifRQ xmlns="http://www.opentravel.org/OTA/2003/05" EchoToken="push-1" TimeStamp="2026-07-01T10:00:00+00:00" Version="1.0"><HotelReservations>
            <HotelReservation ResStatus="Book"><UniqueID Type="14" ID="EXP-CONF-1"/><UniqueID Type="16" ID="MSG-CONF-1"/>
            <RoomStays><RoomStay><TimeSpan Start="2026-07-01" End="2026-07-02"/><BasicPropertyInfo HotelCode="{simulator.SiteMinderOptions.HotelCode}"/></RoomStay></RoomStays>
            <ResGuests><ResGuest><Profiles><ProfileInfo><Profile><Customer><PersonName><Surname>Conformance</Surname></PersonName></Customer></Profile></ProfileInfo></Profiles></ResGuest></ResGuests>
            </HotelReservation></HotelReservations></OTA_HotelResNotifRQ></SOAP-ENV:Body></SOAP-ENV:Envelope>
            """;
        return new PmsWebhookRequest
        {
            HotelId = HotelId,
            Method = "POST",
            Path = "/webhooks/conformance",
            Body = Encoding.UTF8.GetBytes(envelope),
            ContentType = "text/xml; charset=utf-8",
        };
    }
}
