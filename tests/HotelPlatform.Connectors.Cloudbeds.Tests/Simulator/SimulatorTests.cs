using System.Net;
using System.Text.Json.Nodes;
using HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Cloudbeds;

namespace HotelPlatform.Connectors.Cloudbeds.Tests.Simulator;

/// <summary>The Cloudbeds simulator speaks Cloudbeds' dialect strictly: form bodies, the envelope, its restrictions and quota.</summary>
public sealed class SimulatorTests : IAsyncLifetime
{
    private readonly TestClock _clock = new();
    private CloudbedsSimulator _simulator = null!;
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _simulator = new CloudbedsSimulator(new SimulatorOptions { TimeProvider = _clock });
        await _simulator.StartAsync(Ct);
        _client = _simulator.CreateClient();
        _client.DefaultRequestHeaders.Add("x-api-key", CloudbedsSimulatorOptions.DefaultApiKey);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task A_reservation_posted_as_a_php_bracket_form_is_booked_and_read_back()
    {
        var (status, created) = await PostAsync("postReservation", Booking(_simulator.Scenario.FirstFreeNight));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True((bool)created["success"]!);
        var id = (string)created["reservationID"]!;
        var read = await GetAsync($"getReservation?reservationID={id}");
        Assert.Equal(("confirmed", "ref-1"), ((string)read["data"]!["status"]!, (string)read["data"]!["thirdPartyIdentifier"]!));
        Assert.Equal("501", (string)read["data"]!["unassigned"]![0]!["roomTypeID"]!);
    }

    [Fact]
    public async Task A_json_body_is_refused_with_400_naming_the_content_type()
    {
        using var content = new StringContent("""{"startDate":"2030-01-01"}""", System.Text.Encoding.UTF8, "application/json");

        using var answer = await _client.PostAsync("api/v1.3/postReservation", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains(_simulator.ValidationFailures, f => f.Member == "header:Content-Type");
    }

    [Fact]
    public async Task A_form_field_the_document_does_not_list_is_refused_naming_it()
    {
        var form = Booking(_simulator.Scenario.FirstFreeNight);
        form["rooms[0][floor]"] = "3";

        var (status, _) = await PostAsync("postReservation", form);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(_simulator.ValidationFailures, f => f.Member.Contains("floor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_undocumented_query_parameter_is_refused()
    {
        using var answer = await _client.GetAsync("api/v1.3/getReservations?hotel=1", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
    }

    [Fact]
    public async Task A_call_without_the_api_key_is_401_with_an_oauth_style_body()
    {
        using var anonymous = _simulator.CreateClient();

        using var answer = await anonymous.GetAsync("api/v1.3/getHotels", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("access_denied", (string)JsonNode.Parse(await answer.Content.ReadAsStringAsync(Ct))!["error"]!);
    }

    [Fact]
    public async Task An_unknown_reservation_is_http_200_with_success_false()
    {
        var read = await GetAsync("getReservation?reservationID=404");

        Assert.False((bool)read["success"]!);
        Assert.Contains("not found", (string)read["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_reservation_cannot_be_modified()
    {
        var (_, created) = await PostAsync("postReservation", Booking(_simulator.Scenario.FirstFreeNight));
        var id = (string)created["reservationID"]!;
        await PutAsync("putReservation", new() { ["reservationID"] = id, ["status"] = "canceled" });

        var (_, refused) = await PutAsync("putReservation", new() { ["reservationID"] = id, ["checkoutDate"] = Date(_simulator.Scenario.FirstFreeNight.AddDays(3)) });

        Assert.False((bool)refused["success"]!);
        Assert.Contains("cannot be modified", (string)refused["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stay_shorter_than_the_minimum_is_not_available()
    {
        var form = Booking(_simulator.Scenario.RestrictedDate);

        var (_, refused) = await PostAsync("postReservation", form);

        Assert.False((bool)refused["success"]!);
        Assert.Contains("not available", (string)refused["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_over_five_per_second_are_refused_with_429_and_retry_after()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var answer = await _client.GetAsync("api/v1.3/getHotels", Ct);
            statuses.Add(answer.StatusCode);
            if (answer.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(answer.Headers.RetryAfter);
            }
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], statuses);
        _clock.Advance(TimeSpan.FromSeconds(1));
        using var later = await _client.GetAsync("api/v1.3/getHotels", Ct);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Booking(DateOnly arrival) => new()
    {
        ["startDate"] = Date(arrival),
        ["endDate"] = Date(arrival.AddDays(1)),
        ["guestFirstName"] = "Ada",
        ["guestLastName"] = "Lovelace",
        ["thirdPartyIdentifier"] = "ref-1",
        ["rooms[0][roomTypeID]"] = "501",
        ["rooms[0][quantity]"] = "1",
        ["rooms[0][roomRateID]"] = "7001",
        ["adults[0][roomTypeID]"] = "501",
        ["adults[0][quantity]"] = "1",
        ["paymentMethod"] = "cash",
    };

    private async Task<JsonNode> GetAsync(string pathAndQuery)
    {
        using var answer = await _client.GetAsync($"api/v1.3/{pathAndQuery}", Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return JsonNode.Parse(await answer.Content.ReadAsStringAsync(Ct))!;
    }

    private Task<(HttpStatusCode, JsonNode)> PostAsync(string method, Dictionary<string, string> form) => SendAsync(HttpMethod.Post, method, form);

    private Task<(HttpStatusCode, JsonNode)> PutAsync(string method, Dictionary<string, string> form) => SendAsync(HttpMethod.Put, method, form);

    private async Task<(HttpStatusCode, JsonNode)> SendAsync(HttpMethod verb, string method, Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var request = new HttpRequestMessage(verb, $"api/v1.3/{method}") { Content = content };
        using var answer = await _client.SendAsync(request, Ct);
        var body = await answer.Content.ReadAsStringAsync(Ct);
        return (answer.StatusCode, answer.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(body)! : new JsonObject());
    }
}
