namespace HotelPlatform.Connectors.Simulators.Tests;

/// <summary>The journal's masking of XML bodies: a SOAP header's WS-Security password never shows.</summary>
public sealed class XmlRedactionTests
{
    private const string Envelope =
        """<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header><wsse:Security xmlns:wsse="x"><wsse:UsernameToken><wsse:Username>pms</wsse:Username><wsse:Password Type="x#PasswordText">s3cr3t&amp;more</wsse:Password></wsse:UsernameToken></wsse:Security></s:Header><s:Body><Password>also</Password><PasswordHint>kept</PasswordHint></s:Body></s:Envelope>""";

    [Fact]
    public void The_text_of_every_named_element_is_masked_whatever_its_prefix_and_nothing_else_changes()
    {
        string masked = Redaction.MaskXmlElements(Envelope, new HashSet<string> { "Password" });

        Assert.DoesNotContain("s3cr3t", masked, StringComparison.Ordinal);
        Assert.DoesNotContain(">also<", masked, StringComparison.Ordinal);
        Assert.Contains("<wsse:Password Type=\"x#PasswordText\">[redacted]</wsse:Password>", masked, StringComparison.Ordinal);
        Assert.Contains("<Password>[redacted]</Password>", masked, StringComparison.Ordinal);
        Assert.Contains("<PasswordHint>kept</PasswordHint>", masked, StringComparison.Ordinal);
        Assert.Contains("<wsse:Username>pms</wsse:Username>", masked, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_without_the_elements_is_returned_as_it_is()
    {
        const string body = "<a><b>text</b></a>";

        Assert.Equal(body, Redaction.MaskXmlElements(body, new HashSet<string> { "Password" }));
    }

    [Fact]
    public void The_default_options_mask_the_ws_security_password()
    {
        Assert.Contains("Password", new SimulatorOptions().RedactedXmlElements);
    }
}
