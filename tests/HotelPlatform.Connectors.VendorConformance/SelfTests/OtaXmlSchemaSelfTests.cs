using System.Xml.Linq;

namespace HotelPlatform.Connectors.VendorConformance.SelfTests;

/// <summary>The XSD validator against the OpenTravel 2015B schemas SiteMinder's pmsXchange messages are defined by.</summary>
public sealed class OtaXmlSchemaSelfTests
{
    private static readonly XNamespace Ota = "http://www.opentravel.org/OTA/2003/05";

    private static XmlSchemaValidator Ota2015B() => VendorSpecs.LoadXmlSchemas("siteminder/ota-xsd/2015B", "OTA_*R?.xsd");

    private static string Sample(string name) => VendorSpecs.ReadText("siteminder", "ota-samples", "2011B", name);

    [Theory]
    [InlineData("OTA_PingRQ.xml")]
    [InlineData("OTA_ReadRQ.xml")]
    [InlineData("OTA_HotelAvailNotifRQ.xml")]
    [InlineData("OTA_HotelRateAmountNotifRQ.xml")]
    [InlineData("OTA_NotifReportRQ.xml")]
    [InlineData("OTA_ResRetrieveRS.xml")]
    public void OpenTravel_sample_messages_validate_against_the_2015B_schemas(string sample) =>
        Ota2015B().ValidateFile(VendorSpecs.GetPath("siteminder", "ota-samples", "2011B", sample)).AssertValid();

    [Fact]
    public void A_ping_without_its_echo_data_and_with_an_invented_element_fails_naming_the_elements()
    {
        XDocument ping = XDocument.Parse(Sample("OTA_PingRQ.xml"));
        XElement root = ping.Root!;
        root.Element(Ota + "EchoData")!.Remove();
        root.Add(new XElement(Ota + "Shout", "hello"));

        SpecValidationResult result = Ota2015B().Validate(ping.ToString());

        SpecViolation violation = Assert.Single(result.Violations);
        Assert.Equal("/OTA_PingRQ/Shout", violation.Path);
        Assert.Contains("'Shout'", violation.Message, StringComparison.Ordinal);
        Assert.Contains("EchoData", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_attribute_with_a_value_outside_its_type_is_reported_at_its_element()
    {
        XDocument notif = XDocument.Parse(Sample("OTA_HotelAvailNotifRQ.xml"));
        XElement statusApplication = notif.Descendants(Ota + "StatusApplicationControl").First();
        statusApplication.SetAttributeValue("Start", "next tuesday");

        SpecValidationResult result = Ota2015B().Validate(notif.ToString());

        SpecViolation violation = Assert.Single(result.Violations);
        Assert.EndsWith("/AvailStatusMessage/StatusApplicationControl/@Start", violation.Path, StringComparison.Ordinal);
        Assert.Contains("'Start'", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_no_schema_declares_and_text_that_is_not_xml_are_reported()
    {
        XmlSchemaValidator validator = Ota2015B();

        SpecValidationResult unknown = validator.Validate("""<OTA_TeleportRQ xmlns="http://www.opentravel.org/OTA/2003/05" Version="1.0"/>""");
        SpecValidationResult broken = validator.Validate("<OTA_PingRQ");

        Assert.Contains(unknown.Violations, v => v.Path == "/OTA_TeleportRQ");
        Assert.Equal("xml", Assert.Single(broken.Violations).Location);
    }

    [Fact]
    public void The_ota_message_inside_a_soap_body_is_validated()
    {
        XmlSchemaValidator validator = Ota2015B();
        string ping = XDocument.Parse(Sample("OTA_PingRQ.xml")).Root!.ToString();
        string envelope = $"""
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
              <soap:Header/>
              <soap:Body>{ping}</soap:Body>
            </soap:Envelope>
            """;
        string brokenEnvelope = envelope.Replace("EchoData", "EchoDatum", StringComparison.Ordinal);

        validator.ValidateSoapBody(envelope).AssertValid();
        Assert.False(validator.ValidateSoapBody(brokenEnvelope).IsValid);
        Assert.False(validator.ValidateSoapBody("""<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body/></soap:Envelope>""").IsValid);
    }
}
