using System.Net;
using System.Text;
using HotelPlatform.Connectors.Simulators.SiteMinder;
using Microsoft.Extensions.Time.Testing;

namespace HotelPlatform.Connectors.SiteMinder.Tests.Simulator;

/// <summary>The simulator on its own: the UsernameToken, the strict models, the queue, the size limit.</summary>
public sealed class SimulatorTests : IAsyncLifetime
{
    private const string Ota = "http://www.opentravel.org/OTA/2003/05";
    private readonly SiteMinderSimulator _simulator = new(new HotelPlatform.Connectors.Simulators.SimulatorOptions { TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)) });
    private HttpClient? _client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _simulator.StartAsync(Ct);
        _client = _simulator.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task A_request_without_a_usernametoken_is_answered_with_error_448()
    {
        var (status, body) = await PostAsync(Envelope(null, ReadRq()));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("OTA_ResRetrieveRS", body, StringComparison.Ordinal);
        Assert.Contains("Code=\"448\"", body, StringComparison.Ordinal);
        Assert.All(_simulator.Messages, m => Assert.Equal(0, m.DeliveryAttempts));
    }

    [Fact]
    public async Task A_digest_password_is_refused_like_a_wrong_one()
    {
        var (_, body) = await PostAsync(Envelope(Token(SiteMinderSimulatorOptions.DefaultPassword, "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest"), ReadRq()));

        Assert.Contains("Code=\"448\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_element_outside_the_pmsxchange_model_is_refused_and_recorded()
    {
        string read = ReadRq().Replace("</ReadRequests>", "</ReadRequests><Surprise/>", StringComparison.Ordinal);

        var (status, _) = await PostAsync(Envelope(Token(SiteMinderSimulatorOptions.DefaultPassword), read));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var failure = Assert.Single(_simulator.ValidationFailures);
        Assert.Equal("OTA_ReadRQ/Surprise", failure.Member);
    }

    [Fact]
    public async Task A_message_without_version_or_with_another_selection_type_is_refused()
    {
        string read = ReadRq().Replace(" Version=\"1.0\"", string.Empty, StringComparison.Ordinal).Replace("Undelivered", "All", StringComparison.Ordinal);

        var (status, _) = await PostAsync(Envelope(Token(SiteMinderSimulatorOptions.DefaultPassword), read));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(
            ["OTA_ReadRQ/@Version", "OTA_ReadRQ/ReadRequests/HotelReadRequest/SelectionCriteria/@SelectionType"],
            _simulator.ValidationFailures.Select(f => f.Member).Order());
    }

    [Fact]
    public async Task Undelivered_reservations_are_delivered_on_every_pull_until_confirmed()
    {
        var token = Token(SiteMinderSimulatorOptions.DefaultPassword);
        await PostAsync(Envelope(token, ReadRq()));
        var (_, second) = await PostAsync(Envelope(token, ReadRq()));
        var message = _simulator.Messages[0];
        Assert.Contains(message.MessageId, second, StringComparison.Ordinal);

        var (_, confirmed) = await PostAsync(Envelope(token, $"""<OTA_NotifReportRQ xmlns="{Ota}" EchoToken="c1" TimeStamp="2026-03-02T09:00:00+00:00" Version="1.0"><Success/><NotifDetails><HotelNotifReport><HotelReservations><HotelReservation ResStatus="Book"><UniqueID Type="16" ID="{message.MessageId}"/><ResGlobalInfo><HotelReservationIDs><HotelReservationID ResID_Type="14" ResID_Value="PMS-1"/></HotelReservationIDs></ResGlobalInfo></HotelReservation></HotelReservations></HotelNotifReport></NotifDetails></OTA_NotifReportRQ>"""));
        var (_, third) = await PostAsync(Envelope(token, ReadRq()));

        Assert.Contains("<Success", confirmed, StringComparison.Ordinal);
        Assert.DoesNotContain(message.MessageId, third, StringComparison.Ordinal);
        Assert.Contains(_simulator.Messages[1].MessageId, third, StringComparison.Ordinal);
        Assert.Equal(2, _simulator.Messages[0].DeliveryAttempts);
        Assert.Equal("PMS-1", _simulator.Messages[0].PmsReservationId);
        Assert.Equal(3, _simulator.Messages[1].DeliveryAttempts);
    }

    [Fact]
    public async Task A_request_over_2_MB_is_a_soap_fault_payload_too_large()
    {
        string padding = new('x', (2 * 1024 * 1024) + 1);
        var (status, body) = await PostAsync(Envelope(Token(SiteMinderSimulatorOptions.DefaultPassword), $"<OTA_PingRQ xmlns=\"{Ota}\" EchoToken=\"e\" TimeStamp=\"2026-03-02T09:00:00Z\" Version=\"1.0\"><EchoData>{padding}</EchoData></OTA_PingRQ>"));

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Contains("Payload too large", body, StringComparison.Ordinal);
        Assert.Contains("Fault", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Availability_and_restrictions_in_one_request_are_refused()
    {
        string mixed = $"""<OTA_HotelAvailNotifRQ xmlns="{Ota}" EchoToken="a" TimeStamp="2026-03-02T09:00:00+00:00" Version="1.0"><POS><Source><RequestorID Type="22" ID="HPCPMS"/></Source></POS><AvailStatusMessages HotelCode="SMHOTEL1"><AvailStatusMessage BookingLimit="3"><StatusApplicationControl Start="2026-04-01" End="2026-04-01" InvTypeCode="DBL"/></AvailStatusMessage><AvailStatusMessage><StatusApplicationControl Start="2026-04-01" End="2026-04-01" InvTypeCode="DBL" RatePlanCode="BAR"/><RestrictionStatus Status="Close"/></AvailStatusMessage></AvailStatusMessages></OTA_HotelAvailNotifRQ>""";

        var (_, body) = await PostAsync(Envelope(Token(SiteMinderSimulatorOptions.DefaultPassword), mixed));

        Assert.Contains("separate requests", body, StringComparison.Ordinal);
        Assert.Empty(_simulator.AriPushes);
    }

    [Fact]
    public async Task The_journal_never_shows_the_password()
    {
        await PostAsync(Envelope(Token(SiteMinderSimulatorOptions.DefaultPassword), ReadRq()));

        var recorded = Assert.Single(_simulator.Requests);
        Assert.DoesNotContain(SiteMinderSimulatorOptions.DefaultPassword, recorded.Body, StringComparison.Ordinal);
        Assert.Contains(SiteMinderSimulatorOptions.DefaultUsername, recorded.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_get_is_405()
    {
        using var response = await _client!.GetAsync(new Uri(_simulator.EndpointPath, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private static string ReadRq() =>
        $"""<OTA_ReadRQ xmlns="{Ota}" EchoToken="r1" TimeStamp="2026-03-02T09:00:00+00:00" Version="1.0"><POS><Source><RequestorID Type="22" ID="HPCPMS"/></Source></POS><ReadRequests><HotelReadRequest HotelCode="SMHOTEL1"><SelectionCriteria SelectionType="Undelivered"/></HotelReadRequest></ReadRequests></OTA_ReadRQ>""";

    private static string Token(string password, string type = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText") =>
        $"""<wsse:Security SOAP-ENV:mustUnderstand="1" xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><wsse:UsernameToken><wsse:Username>{SiteMinderSimulatorOptions.DefaultUsername}</wsse:Username><wsse:Password Type="{type}">{password}</wsse:Password></wsse:UsernameToken></wsse:Security>""";

    private static string Envelope(string? security, string body) =>
        $"""<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/">{(security is null ? string.Empty : $"<SOAP-ENV:Header>{security}</SOAP-ENV:Header>")}<SOAP-ENV:Body>{body}</SOAP-ENV:Body></SOAP-ENV:Envelope>""";

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string envelope)
    {
        using var content = new StringContent(envelope, Encoding.UTF8, "text/xml");
        content.Headers.ContentType!.CharSet = "utf-8";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_simulator.EndpointPath, UriKind.Relative)) { Content = content };
        request.Headers.TryAddWithoutValidation("SOAPAction", "\"\"");
        using var response = await _client!.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }
}
