using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace HotelPlatform.Connectors.Simulators.Tests;

/// <summary>
/// The SOAP 1.1 reader: the body element and the header (a WS-Security UsernameToken) of an envelope, read without DTDs
/// or external entities and within a size cap; a SOAP 1.2 envelope or media type is named as such.
/// </summary>
public sealed class SoapBodyReaderTests : SimulatorTestBase
{
    private const string Ota = "http://www.opentravel.org/OTA/2003/05";

    private static string Envelope(string body, string? header = null, string ns = SoapBodyReader.EnvelopeNamespace) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <soap:Envelope xmlns:soap="{ns}">
          {(header is null ? string.Empty : $"<soap:Header>{header}</soap:Header>")}
          <soap:Body>{body}</soap:Body>
        </soap:Envelope>
        """;

    private const string UsernameToken = """
        <wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">
          <wsse:UsernameToken>
            <wsse:Username>channel-user</wsse:Username>
            <wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">s3cret</wsse:Password>
          </wsse:UsernameToken>
        </wsse:Security>
        """;

    private static SoapEnvelope? Read(string xml, out List<ValidationViolation> violations, SoapBodyReader? reader = null)
    {
        violations = [];
        return (reader ?? SoapBodyReader.Default).Read(Encoding.UTF8.GetBytes(xml), violations);
    }

    private async Task<HttpResponseMessage> PostSoapAsync(string xml, string contentType = "text/xml; charset=utf-8", string? action = "\"OTA_HotelResNotifRQ\"")
    {
        var content = new StringContent(xml, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/soap") { Content = content };
        if (action is not null)
        {
            request.Headers.TryAddWithoutValidation("SOAPAction", action);
        }

        return await Client.SendAsync(request, Ct);
    }

    [Fact]
    public void The_body_element_and_the_username_token_are_read()
    {
        SoapEnvelope envelope = Read(Envelope($"""<OTA_HotelResNotifRQ xmlns="{Ota}" Version="1.0"><HotelReservations/></OTA_HotelResNotifRQ>""", UsernameToken), out var violations)!;

        Assert.Empty(violations);
        Assert.Equal("{" + Ota + "}OTA_HotelResNotifRQ", envelope.Body.Name.ToString());
        Assert.Equal("1.0", (string?)envelope.Body.Attribute("Version"));
        Assert.NotNull(envelope.Header);
        Assert.Equal("channel-user", envelope.UsernameToken!.Username);
        Assert.Equal("s3cret", envelope.UsernameToken.Password);
        Assert.Equal(SoapUsernameToken.PasswordText, envelope.UsernameToken.PasswordType);
        Assert.DoesNotContain("s3cret", envelope.UsernameToken.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_envelope_without_a_header_has_no_token()
    {
        SoapEnvelope envelope = Read(Envelope("<Ping/>"), out var violations)!;

        Assert.Empty(violations);
        Assert.Null(envelope.Header);
        Assert.Null(envelope.UsernameToken);
    }

    [Fact]
    public void A_dtd_is_refused_so_no_entity_is_expanded()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><Ping>&lol2;</Ping></soap:Body></soap:Envelope>
            """;

        Assert.Null(Read(xml, out var violations));
        Assert.Equal("xml", Assert.Single(violations).Member);
        Assert.Contains("DTD", violations[0].Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_external_entity_is_refused()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><Ping>&xxe;</Ping></soap:Body></soap:Envelope>
            """;

        Assert.Null(Read(xml, out var violations));
        Assert.Equal("xml", Assert.Single(violations).Member);
    }

    [Fact]
    public void A_document_over_the_size_cap_is_refused()
    {
        string xml = Envelope($"<Ping>{new string('x', 2000)}</Ping>");

        Assert.Null(Read(xml, out var violations, new SoapBodyReader { MaxBodyBytes = 1000 }));
        Assert.Equal("xml", Assert.Single(violations).Member);
    }

    [Theory]
    [InlineData("<Ping/><Pong/>", "soap:Body")]
    [InlineData("", "soap:Body")]
    public void The_body_holds_exactly_one_element(string body, string member)
    {
        Assert.Null(Read(Envelope(body), out var violations));
        Assert.Equal(member, Assert.Single(violations).Member);
    }

    [Fact]
    public void A_soap_1_2_envelope_is_named_as_such()
    {
        Assert.Null(Read(Envelope("<Ping/>", ns: "http://www.w3.org/2003/05/soap-envelope"), out var violations));
        Assert.Contains("SOAP 1.2", Assert.Single(violations).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<Ping/>")]
    [InlineData("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><Ping/></soap:Body><Extra/></soap:Envelope>")]
    [InlineData("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header/></soap:Envelope>")]
    [InlineData("not xml at all")]
    public void Something_that_is_not_a_soap_1_1_envelope_is_refused(string xml)
    {
        Assert.Null(Read(xml, out var violations));
        Assert.NotEmpty(violations);
    }

    [Fact]
    public void A_username_token_without_a_password_is_refused()
    {
        const string header = """<wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><wsse:UsernameToken><wsse:Username>u</wsse:Username></wsse:UsernameToken></wsse:Security>""";

        Assert.Null(Read(Envelope("<Ping/>", header), out var violations));
        Assert.Equal("soap:Header/wsse:Security/wsse:UsernameToken", Assert.Single(violations).Member);
    }

    [Fact]
    public async Task A_soap_request_is_read_over_http_with_its_action()
    {
        using HttpResponseMessage response = await PostSoapAsync(Envelope($"""<OTA_PingRQ xmlns="{Ota}"/>""", UsernameToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonNode answer = (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
        Assert.Equal("OTA_PingRQ", answer["operation"]!.GetValue<string>());
        Assert.Equal("channel-user", answer["user"]!.GetValue<string>());
        Assert.Empty(Simulator.ValidationFailures);
    }

    [Fact]
    public async Task A_request_without_soap_action_is_refused()
    {
        using HttpResponseMessage response = await PostSoapAsync(Envelope("<Ping/>"), action: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("header:SOAPAction", Assert.Single(Simulator.ValidationFailures).Member);
    }

    [Theory]
    [InlineData("application/soap+xml; charset=utf-8", "SOAP 1.2")]
    [InlineData("application/json", "text/xml")]
    public async Task A_wrong_media_type_is_refused_on_the_content_type(string contentType, string hint)
    {
        using HttpResponseMessage response = await PostSoapAsync(Envelope("<Ping/>"), contentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        ValidationFailure failure = Assert.Single(Simulator.ValidationFailures);
        Assert.Equal(StrictRequestValidator.ContentTypeMember, failure.Member);
        Assert.Contains(hint, failure.Message, StringComparison.Ordinal);
    }
}
