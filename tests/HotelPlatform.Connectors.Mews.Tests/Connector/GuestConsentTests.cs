using System.Net;
using System.Text;
using HotelPlatform.Connectors.Mews.Mapping;
using HotelPlatform.Connectors.Simulators.Mews;

namespace HotelPlatform.Connectors.Mews.Tests.Connector;

/// <summary>The MarketingEmail consent is Mews' customer option SendMarketingEmails, read and written without losing the customer's other options.</summary>
public sealed class GuestConsentTests : MewsHarness
{
    [Fact]
    public async Task Marketing_email_consent_is_stored_as_SendMarketingEmails_and_can_be_withdrawn()
    {
        var stored = await Connector.UpsertGuestAsync(new GuestProfile("Consenting") { Email = "consenting@example.com", Consents = GuestConsents.MarketingEmail }, Ct);
        var read = await Connector.GetGuestAsync(stored.VendorId!, Ct);
        var withdrawn = await Connector.UpsertGuestAsync(read with { Consents = GuestConsents.None }, Ct);

        Assert.Equal(GuestConsents.MarketingEmail, stored.Consents);
        Assert.Equal(GuestConsents.MarketingEmail, read.Consents);
        Assert.Equal(GuestConsents.None, withdrawn.Consents);
        Assert.Equal(GuestConsents.None, (await Connector.GetGuestAsync(stored.VendorId!, Ct)).Consents);
        Assert.Equal(["SendMarketingEmails"], Requests("customers/add").Single().ReadBodyAsJson()!["Options"]!.AsArray().Select(o => (string?)o));
        Assert.Empty(Requests("customers/update").Single().ReadBodyAsJson()!["Options"]!.AsArray());
    }

    [Fact]
    public async Task Withdrawing_consent_keeps_the_customers_other_options()
    {
        using var http = Simulator.CreateClient();
        var body = $$"""{"ClientToken":"{{MewsSimulatorOptions.DefaultClientToken}}","AccessToken":"{{MewsSimulatorOptions.DefaultAccessToken}}","Client":"test","LastName":"Invoiced","Email":"invoiced@example.com","OverwriteExisting":false,"Options":["Invoiceable","SendMarketingEmails"]}""";
        using var added = await http.PostAsync(MewsSimulator.ApiPrefix + "customers/add", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var id = Assert.Single(Simulator.Customers, c => c.Email == "invoiced@example.com").Id;

        var guest = await Connector.GetGuestAsync(id, Ct);
        var withdrawn = await Connector.UpsertGuestAsync(guest with { Consents = GuestConsents.None }, Ct);

        Assert.Equal(GuestConsents.MarketingEmail, guest.Consents);
        Assert.Equal(GuestConsents.None, withdrawn.Consents);
        Assert.Equal(["Invoiceable"], Requests("customers/update").Single().ReadBodyAsJson()!["Options"]!.AsArray().Select(o => (string?)o));
    }

    [Fact]
    public async Task The_simulator_refuses_an_option_Mews_does_not_document()
    {
        using var http = Simulator.CreateClient();
        var body = $$"""{"ClientToken":"{{MewsSimulatorOptions.DefaultClientToken}}","AccessToken":"{{MewsSimulatorOptions.DefaultAccessToken}}","Client":"test","LastName":"Newsletter","OverwriteExisting":false,"Options":["Newsletter"]}""";

        using var refused = await http.PostAsync(MewsSimulator.ApiPrefix + "customers/add", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.DoesNotContain(Simulator.Customers, c => c.LastName == "Newsletter");
    }

    [Theory]
    [InlineData(GuestConsents.MarketingEmail | GuestConsents.Newsletter, new[] { "Invoiceable", "SendMarketingEmails" })]
    [InlineData(GuestConsents.Newsletter | GuestConsents.MarketingSms, new[] { "Invoiceable" })]
    public void Consents_other_than_marketing_email_have_no_Mews_option_and_are_not_written(GuestConsents consents, string[] expected) =>
        Assert.Equal(expected, MewsMapper.ToOptions(consents, ["Invoiceable", "SendMarketingEmails"]));
}
