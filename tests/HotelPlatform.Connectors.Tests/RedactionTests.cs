using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Tests;

public sealed class RedactionTests
{
    [Theory]
    [InlineData("Guest jane.doe+vip@mail.example.co.uk exists", "Guest [email] exists")]
    [InlineData("call +49 30 1234567 or +1 (555) 123-4567", "call [phone] or [phone]")]
    [InlineData("call 030 1234567 or 0171-1234567", "call [phone] or [phone]")]
    [InlineData("call (555) 123-4567 now", "call [phone] now")]
    [InlineData("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc-def_ghi", "Authorization: Bearer [secret]")]
    [InlineData("Basic Y2xpZW50OnNlY3JldA==", "Basic [secret]")]
    [InlineData("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig leaked", "token [secret] leaked")]
    [InlineData("grant_type=client_credentials&client_secret=abc123&scope=x", "grant_type=client_credentials&client_secret=[secret]&scope=x")]
    [InlineData("?access_token=xyz&id=1", "?access_token=[secret]&id=1")]
    [InlineData("""{"ClientToken": "E0D439EE", "AccessToken":"C66EF7B2"}""", """{"ClientToken": "[secret]", "AccessToken":"[secret]"}""")]
    [InlineData("x-api-key: cbat_123", "x-api-key: [secret]")]
    public void Personal_data_and_secrets_are_replaced(string input, string expected)
    {
        Assert.Equal(expected, PmsRedaction.Scrub(input));
    }

    [Theory]
    [InlineData("Arrival 2026-03-01 must be before departure 2026-03-05.")]
    [InlineData("Reservation 123456789 not found")]
    [InlineData("Total 1 234.50 EUR for 2 adults")]
    [InlineData("Rate plan BER-FLEX-2 is closed")]
    [InlineData("Version 1.2.3.4 of the API")]
    public void Ordinary_vendor_text_is_kept(string input)
    {
        Assert.Equal(input, PmsRedaction.Scrub(input));
    }

    [Fact]
    public void Long_text_is_cut_and_null_is_empty()
    {
        Assert.Equal(string.Empty, PmsRedaction.Scrub(null));
        Assert.Equal(PmsRedaction.MaxLength + 1, PmsRedaction.Scrub(new string('a', 5_000)).Length);
    }

    [Theory]
    [InlineData("https://pms.example/guests/by-email/jane%40example.com?x=1#f", "/guests/by-email/[email]")]
    [InlineData("https://user:pw@pms.example/reservations/42?email=jane@example.com", "/reservations/42")]
    [InlineData("reservations/42?email=jane@example.com", "reservations/42")]
    public void A_path_keeps_neither_host_credentials_query_nor_personal_data(string uri, string expected)
    {
        Assert.Equal(expected, PmsRedaction.ScrubPath(new Uri(uri, UriKind.RelativeOrAbsolute)));
    }

    [Fact]
    public void The_text_redactor_scrubs_through_the_compliance_redaction_api()
    {
        var redactor = new PmsTextRedactor();
        const string input = "Guest jane@example.com";

        Assert.Equal("Guest [email]", redactor.Redact(input));
        Assert.Equal("Guest [email]".Length, redactor.GetRedactedLength(input));
    }

    [Fact]
    public void The_classifications_map_to_erasing_and_scrubbing_redactors()
    {
        var services = new ServiceCollection();
        services.AddRedaction(r => r.AddPmsRedactors());
        using var provider = services.BuildServiceProvider();
        var redactors = provider.GetRequiredService<IRedactorProvider>();

        Assert.Equal(string.Empty, redactors.GetRedactor(PmsDataClassifications.GuestPersonalData).Redact("Jane Doe"));
        Assert.Equal(string.Empty, redactors.GetRedactor(PmsDataClassifications.Secret).Redact("s3cr3t"));
        Assert.Equal("No guest [email]", redactors.GetRedactor(PmsDataClassifications.VendorText).Redact("No guest jane@example.com"));
        Assert.Equal(PmsDataClassifications.GuestPersonalData, new GuestPersonalDataAttribute().Classification);
        Assert.Equal(PmsDataClassifications.Secret, new PmsSecretAttribute().Classification);
        Assert.Equal(PmsDataClassifications.VendorText, new VendorTextAttribute().Classification);
    }
}
