using System.Text;
using HotelPlatform.Connectors.Events;
using HotelPlatform.Connectors.SiteMinder.Tests.Infrastructure;

namespace HotelPlatform.Connectors.SiteMinder.Tests.Connector;

/// <summary>The PUSH mode: SiteMinder posts OTA_HotelResNotifRQ with the credentials the PMS chose, and expects OTA_HotelResNotifRS.</summary>
public sealed class PushTests
{
    private const string Ota = "http://www.opentravel.org/OTA/2003/05";

    private static CancellationToken Ct => SiteMinderHarness.Ct;

    [Fact]
    public async Task A_push_with_the_configured_token_becomes_events_and_is_answered_with_success()
    {
        await using var harness = await SiteMinderHarness.StartAsync();

        var result = await harness.WebhookHandler.HandleAsync(Delivery(SiteMinderHarness.PushUsername, SiteMinderHarness.PushPassword, "Book"), Ct);

        Assert.Equal(PmsWebhookOutcome.Events, result.Outcome);
        var inbound = Assert.Single(result.Events);
        var created = Assert.IsType<ReservationCreatedEvent>(inbound.Event);
        Assert.Equal("MSG-PUSH-1", created.EventId);
        Assert.Equal("EXP-PUSH-1", created.ReservationId);
        Assert.Equal("SMHOTEL1", created.PropertyId);
        Assert.Equal("Nakamura", inbound.Reservation!.PrimaryGuest.LastName);
        Assert.Equal("ECHO-42", result.VendorRequestId);
        var response = Assert.IsType<PmsWebhookResponse>(result.Response);
        Assert.Equal(200, response.StatusCode);
        Assert.StartsWith("text/xml", response.ContentType, StringComparison.Ordinal);
        string body = Encoding.UTF8.GetString(response.Body.Span);
        Assert.Contains("OTA_HotelResNotifRS", body, StringComparison.Ordinal);
        Assert.Contains("<Success", body, StringComparison.Ordinal);
        Assert.Contains("EchoToken=\"ECHO-42\"", body, StringComparison.Ordinal);
        Assert.Contains("ResID_Value=\"EXP-PUSH-1\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancellation_push_becomes_a_cancelled_event()
    {
        await using var harness = await SiteMinderHarness.StartAsync();

        var result = await harness.WebhookHandler.HandleAsync(Delivery(SiteMinderHarness.PushUsername, SiteMinderHarness.PushPassword, "Cancel"), Ct);

        Assert.IsType<ReservationCancelledEvent>(Assert.Single(result.Events).Event);
    }

    [Theory]
    [InlineData(SiteMinderHarness.PushUsername, "wrong-password")]
    [InlineData("someone-else", SiteMinderHarness.PushPassword)]
    [InlineData(null, null)]
    public async Task A_push_without_the_configured_token_is_rejected(string? username, string? password)
    {
        await using var harness = await SiteMinderHarness.StartAsync();

        var result = await harness.WebhookHandler.HandleAsync(Delivery(username, password, "Book"), Ct);

        Assert.Equal(PmsWebhookOutcome.Rejected, result.Outcome);
        Assert.Empty(result.Events);
    }

    [Fact]
    public async Task Every_push_is_rejected_while_no_push_credentials_are_configured()
    {
        await using var harness = await SiteMinderHarness.StartAsync(overrides: new Dictionary<string, string?> { ["Push:Username"] = "", ["Push:Password"] = "" });

        var result = await harness.WebhookHandler.HandleAsync(Delivery("", "", "Book"), Ct);

        Assert.Equal(PmsWebhookOutcome.Rejected, result.Outcome);
    }

    [Fact]
    public async Task A_verified_push_of_another_message_is_malformed_without_quoting_it()
    {
        await using var harness = await SiteMinderHarness.StartAsync();
        string envelope = Envelope(SiteMinderHarness.PushUsername, SiteMinderHarness.PushPassword, $"<OTA_PingRQ xmlns=\"{Ota}\" EchoToken=\"x\" TimeStamp=\"2026-03-02T09:00:00Z\" Version=\"1.0\"><EchoData>secret-guest-data</EchoData></OTA_PingRQ>");

        var result = await harness.WebhookHandler.HandleAsync(Request(envelope), Ct);

        Assert.Equal(PmsWebhookOutcome.Malformed, result.Outcome);
        Assert.DoesNotContain("secret-guest-data", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_push_with_a_dtd_is_not_read()
    {
        await using var harness = await SiteMinderHarness.StartAsync();
        string envelope = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + Envelope(SiteMinderHarness.PushUsername, SiteMinderHarness.PushPassword, "<x>&e;</x>");

        var result = await harness.WebhookHandler.HandleAsync(Request(envelope), Ct);

        Assert.Equal(PmsWebhookOutcome.Rejected, result.Outcome);
    }

    private static PmsWebhookRequest Delivery(string? username, string? password, string status) =>
        Request(Envelope(username, password, $"""
            <OTA_HotelResNotifRQ xmlns="{Ota}" EchoToken="ECHO-42" TimeStamp="2026-03-02T09:00:00+00:00" Version="1.0" ResStatus="{(status == "Book" ? "Commit" : status)}">
              <POS><Source><RequestorID Type="22" ID="SITEMINDER"/></Source></POS>
              <HotelReservations>
                <HotelReservation CreateDateTime="2026-03-02T08:59:00+00:00" ResStatus="{status}">
                  <UniqueID Type="14" ID="EXP-PUSH-1"/>
                  <UniqueID Type="16" ID="MSG-PUSH-1" ID_Context="MESSAGE_UNIQUE_ID"/>
                  <RoomStays><RoomStay>
                    <RoomTypes><RoomType RoomTypeCode="DBL"/></RoomTypes>
                    <RatePlans><RatePlan RatePlanCode="BAR"/></RatePlans>
                    <GuestCounts><GuestCount AgeQualifyingCode="10" Count="1"/></GuestCounts>
                    <TimeSpan Start="2026-06-01" End="2026-06-03"/>
                    <BasicPropertyInfo HotelCode="SMHOTEL1"/>
                  </RoomStay></RoomStays>
                  <ResGuests><ResGuest><Profiles><ProfileInfo><Profile ProfileType="1"><Customer><PersonName><GivenName>Yui</GivenName><Surname>Nakamura</Surname></PersonName></Customer></Profile></ProfileInfo></Profiles></ResGuest></ResGuests>
                </HotelReservation>
              </HotelReservations>
            </OTA_HotelResNotifRQ>
            """));

    private static string Envelope(string? username, string? password, string body)
    {
        string header = username is null
            ? string.Empty
            : $"""<SOAP-ENV:Header><wsse:Security SOAP-ENV:mustUnderstand="1" xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><wsse:UsernameToken><wsse:Username>{username}</wsse:Username><wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">{password}</wsse:Password></wsse:UsernameToken></wsse:Security></SOAP-ENV:Header>""";
        return $"""<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/">{header}<SOAP-ENV:Body>{body}</SOAP-ENV:Body></SOAP-ENV:Envelope>""";
    }

    private static PmsWebhookRequest Request(string envelope) => new()
    {
        HotelId = SiteMinderHarness.HotelId,
        Method = "POST",
        Path = "/webhooks/syd",
        Body = Encoding.UTF8.GetBytes(envelope),
        ContentType = "text/xml; charset=utf-8",
        ReceivedAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero),
    };
}
