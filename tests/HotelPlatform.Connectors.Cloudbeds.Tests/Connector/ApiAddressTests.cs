using HotelPlatform.Connectors.Cloudbeds.Tests.Infrastructure;
using static HotelPlatform.Connectors.Cloudbeds.Tests.Infrastructure.CloudbedsHarness;

namespace HotelPlatform.Connectors.Cloudbeds.Tests.Connector;

/// <summary>The property's API address is discovered with GET oauth/metadata (data.api.url), kept, and every call goes there; a lookup that fails names the hotel.</summary>
public sealed class ApiAddressTests
{
    private const string Regional = "/eu1/api/v1.3";

    [Fact]
    public async Task Calls_go_to_the_address_oauth_metadata_names_and_the_lookup_is_made_once()
    {
        await using var harness = Start(answerMetadata: false);
        harness.Stub("GET", "oauth/metadata", Json(Metadata($"{harness.Server.Url}{Regional}")));
        harness.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath($"{Regional}/getHotels").UsingGet())
            .RespondWith(Json("""{"success":true,"data":[{"propertyID":"172982","propertyName":"Porto","propertyTimezone":"Europe/Lisbon","propertyCurrency":[{"currencyCode":"EUR"}]}]}"""));
        harness.Stub("GET", "getReservation", Refusal("Reservation 1 not found."));

        var property = await harness.Connector.GetPropertyAsync(Ct);
        await Assert.ThrowsAsync<PmsNotFoundException>(() => harness.Connector.GetReservationAsync("1", Ct));

        Assert.Equal("Porto", property.Name);
        Assert.Equal(1, harness.Received("oauth/metadata"));
        Assert.Equal(0, harness.Received("getHotels"));
        Assert.Equal(0, harness.Received("getReservation"));
        Assert.Single(harness.Server.LogEntries, e => e.RequestMessage.Path == $"{Regional}/getHotels");
        Assert.Single(harness.Server.LogEntries, e => e.RequestMessage.Path == $"{Regional}/getReservation");
    }

    public static TheoryData<string, string> UnusableAnswers => new()
    {
        { """{"success":"false","message":"Property could not be found"}""", "Property could not be found" },
        { """{"success":false,"message":"Invalid request"}""", "Invalid request" },
        { """{"success":"true","data":{"api":{}}}""", "without data.api.url" },
        { """{"success":"true","data":{"api":{"url":"ftp://files.example.com/"}}}""", "not an absolute http(s) address" },
    };

    [Theory]
    [MemberData(nameof(UnusableAnswers))]
    public async Task A_lookup_refused_or_without_a_usable_address_fails_naming_the_hotel_and_calls_nothing_else(string answer, string reason)
    {
        await using var harness = Start(answerMetadata: false);
        harness.Stub("GET", "oauth/metadata", Json(answer));

        var failed = await Assert.ThrowsAsync<CloudbedsApiAddressException>(() => harness.Connector.GetPropertyAsync(Ct));

        Assert.Equal((HotelId, PropertyId, "cloudbeds", "DiscoverApiAddress"), (failed.HotelId, failed.PropertyId, failed.Vendor, failed.Operation));
        Assert.Contains($"hotel '{HotelId}'", failed.Message, StringComparison.Ordinal);
        Assert.Contains(reason, failed.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Received("getHotels"));
    }

    [Fact]
    public async Task A_failed_lookup_is_not_kept_so_the_next_call_looks_again()
    {
        await using var harness = Start(answerMetadata: false);
        var lookup = WireMock.RequestBuilders.Request.Create().WithPath($"{Api}/oauth/metadata").UsingGet();
        harness.Server.Given(lookup).InScenario("lookup").WillSetStateTo("answered once").RespondWith(Json("""{"success":"true","data":{"api":{}}}"""));
        harness.Server.Given(lookup).InScenario("lookup").WhenStateIs("answered once").RespondWith(Json(Metadata($"{harness.Server.Url}{Api}/")));
        await Assert.ThrowsAsync<CloudbedsApiAddressException>(() => harness.Connector.GetPropertyAsync(Ct));

        var property = await harness.Connector.GetPropertyAsync(Ct);

        Assert.Equal(PropertyId, property.VendorId);
        Assert.Equal(2, harness.Received("oauth/metadata"));
    }

    [Fact]
    public async Task A_credential_refused_at_the_lookup_stays_an_authentication_error()
    {
        await using var harness = Start(answerMetadata: false);
        harness.Stub("GET", "oauth/metadata", Json("""{"error":"access_denied","message":"Invalid API key"}""", 401));

        var refused = await Assert.ThrowsAsync<PmsAuthenticationException>(() => harness.Connector.GetPropertyAsync(Ct));

        Assert.Equal("access_denied", refused.VendorErrorCode);
        Assert.Equal(0, harness.Received("getHotels"));
    }

    [Fact]
    public async Task With_discovery_off_the_base_address_is_called_as_it_is()
    {
        await using var harness = Start(o => o.DiscoverApiAddress = false);

        await harness.Connector.GetPropertyAsync(Ct);

        Assert.Equal(0, harness.Received("oauth/metadata"));
        Assert.Equal(1, harness.Received("getHotels"));
    }
}
