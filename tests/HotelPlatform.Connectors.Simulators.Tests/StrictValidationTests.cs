using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace HotelPlatform.Connectors.Simulators.Tests;

public sealed class StrictValidationTests : SimulatorTestBase
{
    [Theory]
    [InlineData("""{"guestName":"A","arrival":"2025-03-10","nights":2,"bogus":1}""", "$.bogus", "bogus")]
    [InlineData("""{"arrival":"2025-03-10","nights":2}""", "$.guestName", "guestName")]
    [InlineData("""{"guestName":"A","arrival":"2025-03-10","nights":2,"room":"suite"}""", "$.room", "'suite' is not one of 'Single', 'Double', 'Suite'")]
    [InlineData("""{"guestName":"A","arrival":"2025-03-10","nights":2,"room":2}""", "$.room", "numeric enum values are not accepted")]
    [InlineData("""{"guestName":"A","arrival":"10.03.2025","nights":2}""", "$.arrival", "DateOnly")]
    [InlineData("""{"guestName":"A","arrival":"2025-03-10","nights":"2"}""", "$.nights", "Int32")]
    [InlineData("""{"guestName":null,"arrival":"2025-03-10","nights":2}""", "$.guestName", "null")]
    [InlineData("""{"guestName":"A","guestName":"B","arrival":"2025-03-10","nights":2}""", "$.guestName", "Duplicate")]
    [InlineData("""{"guestName":"A","arrival":"2025-03-10","nights":2,"expectedAt":"2025-03-10T15:00:00"}""", "$.expectedAt", "explicit offset")]
    [InlineData("""{"guestName":"A","arrival":"2025-03-10","nights":0}""", "$.nights", "at least 1")]
    [InlineData("""{"guestName":"A","arrival":"2025-03-10","nights":2,}""", "$", "")]
    [InlineData("", "$", "A JSON body is required")]
    public async Task A_body_that_does_not_match_the_wire_model_is_refused_with_400_naming_the_member_and_recorded(string json, string member, string messagePart)
    {
        string token = await GetTokenAsync();

        using HttpResponseMessage response = await Client.SendAsync(BookingRequest(token, json), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("failed", response.Headers.GetValues(StrictRequestValidator.RefusalHeader).Single());
        JsonNode body = (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
        Assert.Equal("simulator_strict_validation", body["error"]!.GetValue<string>());
        Assert.Equal(member, body["violations"]![0]!["member"]!.GetValue<string>());
        ValidationFailure failure = Assert.Single(Simulator.ValidationFailures);
        Assert.Equal(member, failure.Member);
        Assert.Contains(messagePart, failure.Message, StringComparison.Ordinal);
        Assert.Equal("POST", failure.Method);
        Assert.Equal("/v1/bookings", failure.Path);
        Assert.Equal(Simulator.Requests.Single(r => r.Path == "/v1/bookings").Sequence, failure.RequestSequence);
        Assert.Empty(Simulator.Bookings);
    }

    [Fact]
    public async Task A_body_that_matches_the_wire_model_is_accepted_and_nothing_is_recorded()
    {
        string token = await GetTokenAsync();

        using HttpResponseMessage response = await Client.SendAsync(
            BookingRequest(token, """{"guestName":"A","arrival":"2025-03-10","nights":2,"room":"Double","expectedAt":"2025-03-10T15:00:00+01:00"}"""), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Empty(Simulator.ValidationFailures);
    }

    [Fact]
    public async Task A_body_sent_as_another_content_type_is_refused_naming_the_header()
    {
        string token = await GetTokenAsync();
        using HttpRequestMessage request = BookingRequest(token, ValidBooking);
        request.Content = new StringContent(ValidBooking, Encoding.UTF8, "text/plain");

        using HttpResponseMessage response = await Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("header:Content-Type", Assert.Single(Simulator.ValidationFailures).Member);
    }

    [Fact]
    public async Task A_valid_query_is_read_into_typed_values()
    {
        string token = await GetTokenAsync();

        using HttpResponseMessage response = await Client.SendAsync(Get(token, "/v1/availability?propertyId=BER&arrival=2025-03-10&adults=2&room=Suite&rateIds=A,B"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonNode body = (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
        Assert.Equal("Suite", body["room"]!.GetValue<string>());
        Assert.Equal(["A", "B"], body["rateIds"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Empty(Simulator.ValidationFailures);
    }

    [Fact]
    public async Task A_query_with_missing_malformed_repeated_or_unknown_parameters_is_refused_listing_each()
    {
        string token = await GetTokenAsync();

        using HttpResponseMessage response = await Client.SendAsync(
            Get(token, "/v1/availability?arrival=2025-02-30&adults=0&room=suite&rateIds=A,&extra=1&arrival=2025-03-01"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var failures = Simulator.ValidationFailures.ToDictionary(f => f.Member, f => f.Message);
        Assert.Equal("'propertyId' is required.", failures["query:propertyId"]);
        Assert.Contains("sent 2 times", failures["query:arrival"], StringComparison.Ordinal);
        Assert.Equal("'adults' value '0' is not an integer from 1 to 8.", failures["query:adults"]);
        Assert.Contains("'suite' is not one of 'Single', 'Double', 'Suite'", failures["query:room"], StringComparison.Ordinal);
        Assert.Equal("'rateIds' has an empty item.", failures["query:rateIds"]);
        Assert.Equal("'extra' is not a parameter of this endpoint.", failures["query:extra"]);
        Assert.Equal(6, failures.Count);
    }

    [Fact]
    public async Task A_bad_date_in_the_query_is_refused_naming_the_expected_format()
    {
        string token = await GetTokenAsync();

        using HttpResponseMessage response = await Client.SendAsync(Get(token, "/v1/availability?propertyId=BER&arrival=2025-02-30&adults=2"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("'arrival' value '2025-02-30' is not a date (yyyy-MM-dd).", Assert.Single(Simulator.ValidationFailures).Message);
    }

    [Fact]
    public async Task A_request_to_an_endpoint_the_vendor_does_not_have_is_refused_and_recorded()
    {
        using HttpResponseMessage response = await Client.DeleteAsync("/v2/everything", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        ValidationFailure failure = Assert.Single(Simulator.ValidationFailures);
        Assert.Equal("route", failure.Member);
        Assert.Contains("no DELETE /v2/everything endpoint", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_strict_enum_converter_honours_member_name_attributes_and_a_naming_policy()
    {
        JsonSerializerOptions options = StrictJson.CreateOptions(JsonNamingPolicy.CamelCase, JsonNamingPolicy.SnakeCaseLower);

        Assert.Equal("\"not_confirmed\"", JsonSerializer.Serialize(CloudStatus.NotConfirmed, options));
        Assert.Equal("\"checked-in\"", JsonSerializer.Serialize(CloudStatus.CheckedIn, options));
        Assert.Equal(CloudStatus.CheckedIn, JsonSerializer.Deserialize<CloudStatus>("\"checked-in\"", options));
        JsonException refused = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CloudStatus>("\"checked_in\"", options));
        Assert.Contains("'not_confirmed', 'checked-in'", refused.Message, StringComparison.Ordinal);
        Assert.Equal(
            new Dictionary<CloudStatus, int> { [CloudStatus.NotConfirmed] = 1 },
            JsonSerializer.Deserialize<Dictionary<CloudStatus, int>>("""{"not_confirmed":1}""", options));
    }

    [Theory]
    [InlineData("2025-03-10T15:00:00Z", true, true)]
    [InlineData("2025-03-10T15:00:00+01:00", true, true)]
    [InlineData("2025-03-10T15:00:00.123Z", true, true)]
    [InlineData("2025-03-10T15:00:00.123Z", false, false)]
    [InlineData("2025-03-10T15:00:00", true, false)]
    [InlineData("2025-03-10", true, false)]
    [InlineData("10/03/2025 15:00 +01:00", true, false)]
    public void The_strict_date_time_converter_requires_an_explicit_offset(string text, bool allowFractions, bool valid) =>
        Assert.Equal(valid, new StrictDateTimeOffsetConverter(allowFractions).TryParse(text, out _));

    public enum CloudStatus
    {
        NotConfirmed,

        [JsonStringEnumMemberName("checked-in")]
        CheckedIn,
    }
}
