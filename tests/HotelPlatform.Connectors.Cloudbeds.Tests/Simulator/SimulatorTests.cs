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

    [Fact]
    public async Task Oauth_metadata_names_the_simulators_api_address_with_success_spelt_as_the_document_types_it()
    {
        var answer = await GetAsync("oauth/metadata");

        Assert.Equal("true", (string)answer["success"]!);
        Assert.Equal(new Uri(_simulator.BaseAddress, "api/v1.3/").AbsoluteUri, (string)answer["data"]!["api"]!["url"]!);
    }

    [Fact]
    public async Task A_call_without_key_or_token_is_refused_with_401_access_denied()
    {
        using var anonymous = _simulator.CreateClient();

        using var answer = await anonymous.GetAsync("api/v1.3/getHotels", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("access_denied", (string)JsonNode.Parse(await answer.Content.ReadAsStringAsync(Ct))!["error"]!);
    }

    [Fact]
    public async Task An_exchanged_code_gives_a_bearer_token_for_the_property_that_is_refused_once_expired()
    {
        var options = _simulator.CloudbedsOptions;
        var (status, token) = await TokenAsync(new()
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = options.ClientId,
            ["client_secret"] = options.ClientSecret,
            ["redirect_uri"] = options.RedirectUri.AbsoluteUri,
            ["code"] = _simulator.Authorization.Authorize(),
        });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("Bearer", 3600L, "property", options.PropertyId), ((string)token["token_type"]!, (long)token["expires_in"]!, (string)token["resources"]![0]!["type"]!, (string)token["resources"]![0]!["id"]!));
        Assert.False(string.IsNullOrEmpty((string?)token["refresh_token"]));
        using var bearer = _simulator.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new("Bearer", (string)token["access_token"]!);
        using (var accepted = await bearer.GetAsync("api/v1.3/getHotels", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        _clock.Advance(options.AccessTokenLifetime);

        using var expired = await bearer.GetAsync("api/v1.3/getHotels", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        var body = JsonNode.Parse(await expired.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("access_denied", (string)body["error"]!);
        Assert.Contains("expired", (string)body["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_sent_with_another_redirect_uri_is_an_invalid_grant_and_is_used_up()
    {
        var options = _simulator.CloudbedsOptions;
        var code = _simulator.Authorization.Authorize();
        Dictionary<string, string> Exchange(string redirect) => new()
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = options.ClientId,
            ["client_secret"] = options.ClientSecret,
            ["redirect_uri"] = redirect,
            ["code"] = code,
        };

        var (wrongStatus, wrong) = await TokenAsync(Exchange("https://elsewhere.example.com/callback"));
        var (againStatus, again) = await TokenAsync(Exchange(options.RedirectUri.AbsoluteUri));

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (wrongStatus, (string)wrong["error"]!));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (againStatus, (string)again["error"]!));
    }

    [Fact]
    public async Task A_refresh_token_is_replaced_by_the_one_its_refresh_returns()
    {
        var options = _simulator.CloudbedsOptions;
        var first = _simulator.Authorization.GrantRefreshToken();
        Dictionary<string, string> Refresh(string token) => new()
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = options.ClientId,
            ["client_secret"] = options.ClientSecret,
            ["refresh_token"] = token,
        };

        var (status, renewed) = await TokenAsync(Refresh(first));
        var (reusedStatus, reused) = await TokenAsync(Refresh(first));
        var (nextStatus, _) = await TokenAsync(Refresh((string)renewed["refresh_token"]!));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEqual(first, (string)renewed["refresh_token"]!);
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (reusedStatus, (string)reused["error"]!));
        Assert.Equal(HttpStatusCode.OK, nextStatus);
    }

    [Fact]
    public async Task A_wrong_client_secret_is_401_invalid_client_and_an_undocumented_parameter_is_refused_and_recorded()
    {
        var options = _simulator.CloudbedsOptions;

        var (wrongStatus, wrong) = await TokenAsync(new() { ["grant_type"] = "refresh_token", ["client_id"] = options.ClientId, ["client_secret"] = "nope", ["refresh_token"] = "x" });
        var (extraStatus, _) = await TokenAsync(new() { ["grant_type"] = "refresh_token", ["client_id"] = options.ClientId, ["client_secret"] = options.ClientSecret, ["refresh_token"] = "x", ["scope"] = "read:hotel" });

        Assert.Equal((HttpStatusCode.Unauthorized, "invalid_client"), (wrongStatus, (string)wrong["error"]!));
        Assert.Equal(HttpStatusCode.BadRequest, extraStatus);
        Assert.Contains(_simulator.ValidationFailures, f => f.Member.Contains("scope", StringComparison.Ordinal));
    }

    [Fact]
    public async Task More_rooms_of_a_type_than_are_free_are_not_available_and_nothing_is_booked()
    {
        var form = Booking(_simulator.Scenario.SoldOutNight.AddDays(-1));
        (form["rooms[0][roomTypeID]"], form["rooms[0][quantity]"], form["adults[0][roomTypeID]"], form["adults[0][quantity]"]) = (_simulator.Scenario.SoldOutRoomTypeId, "2", _simulator.Scenario.SoldOutRoomTypeId, "2");
        form.Remove("rooms[0][roomRateID]");
        form["endDate"] = Date(_simulator.Scenario.SoldOutNight.AddDays(1));

        var (_, refused) = await PostAsync("postReservation", form);

        Assert.False((bool)refused["success"]!);
        Assert.Contains("not available", (string)refused["message"]!, StringComparison.Ordinal);
        Assert.Equal(2, _simulator.FreeRooms(_simulator.Scenario.SoldOutRoomTypeId, _simulator.Scenario.SoldOutNight.AddDays(-1)));
    }

    [Fact]
    public async Task A_room_change_of_a_reservation_of_several_rooms_must_name_its_sub_reservation()
    {
        var form = Booking(_simulator.Scenario.FirstFreeNight);
        (form["rooms[0][quantity]"], form["adults[0][quantity]"]) = ("2", "2");
        var (_, created) = await PostAsync("postReservation", form);
        var id = (string)created["reservationID"]!;

        var (_, refused) = await PutAsync("putReservation", new() { ["reservationID"] = id, ["rooms[0][adults]"] = "1" });
        var (_, changed) = await PutAsync("putReservation", new() { ["reservationID"] = id, ["rooms[0][subReservationID]"] = $"{id}-2", ["rooms[0][adults]"] = "2" });

        Assert.Contains("has 2 rooms; rooms[][subReservationID] is required", (string)refused["message"]!, StringComparison.Ordinal);
        Assert.True((bool)changed["success"]!);
        Assert.Equal(["1", "2"], changed["data"]!["unassigned"]!.AsArray().Select(r => (string)r!["adults"]!));
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_patchRate_job_stays_in_progress_until_its_delay_has_passed_and_then_getRatePlans_shows_its_values()
    {
        _simulator.CloudbedsOptions.RateJobDelay = TimeSpan.FromSeconds(30);
        var night = _simulator.Scenario.FirstFreeNight;
        var rateId = _simulator.Scenario.RateId;
        var rates = $"getRatePlans?startDate={Date(night)}&endDate={Date(night.AddDays(2))}&detailedRates=true&rateIDs={rateId}";

        var (_, queued) = await PostAsync("patchRate", new Dictionary<string, string>
        {
            ["rates[0][rateID]"] = rateId,
            ["rates[0][interval][startDate]"] = Date(night),
            ["rates[0][interval][endDate]"] = Date(night.AddDays(1)),
            ["rates[0][interval][rate]"] = "199.5",
            ["rates[0][interval][minLos]"] = "2",
        });
        var job = (string)queued["jobReferenceID"]!;
        var before = await GetAsync($"getRateJobs?jobReferenceID={job}");
        var ratesBefore = await GetAsync(rates);
        _clock.Advance(TimeSpan.FromSeconds(30));
        var after = await GetAsync($"getRateJobs?jobReferenceID={job}");
        var ratesAfter = await GetAsync(rates);

        Assert.True((bool)queued["success"]!);
        Assert.Equal("in_progress", (string)before["data"]![0]!["status"]!);
        Assert.Equal("completed", (string)after["data"]![0]!["status"]!);
        Assert.Equal("updated", (string)after["data"]![0]!["updates"]![0]!["action"]!);
        IEnumerable<(decimal, int)> Nights(JsonNode answer) =>
            answer["data"]!.AsArray().Single(r => (string)r!["rateID"]! == rateId)!["roomRateDetailed"]!.AsArray().Select(d => ((decimal)d!["rateBase"]!, (int)d["minLos"]!));
        Assert.Equal([(120m, 1), (120m, 1)], Nights(ratesBefore));
        Assert.Equal([(199.5m, 2), (199.5m, 2)], Nights(ratesAfter));
    }

    [Fact]
    public async Task A_patchRate_of_more_than_thirty_intervals_is_refused_and_queues_no_job()
    {
        var night = _simulator.Scenario.FirstFreeNight;
        var form = new Dictionary<string, string>();
        for (var i = 0; i < 31; i++)
        {
            form[$"rates[{i}][rateID]"] = _simulator.Scenario.RateId;
            form[$"rates[{i}][interval][startDate]"] = Date(night.AddDays(i));
            form[$"rates[{i}][interval][endDate]"] = Date(night.AddDays(i));
            form[$"rates[{i}][interval][rate]"] = "100";
        }

        var (_, refused) = await PostAsync("patchRate", form);
        var jobs = await GetAsync("getRateJobs");

        Assert.False((bool)refused["success"]!);
        Assert.Contains("limited to 30 interval", (string)refused["message"]!, StringComparison.Ordinal);
        Assert.Empty(jobs["data"]!.AsArray());
    }

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

    private async Task<(HttpStatusCode, JsonNode)> TokenAsync(Dictionary<string, string> form)
    {
        using var client = _simulator.CreateClient();
        using var content = new FormUrlEncodedContent(form);
        using var answer = await client.PostAsync("api/v1.3/access_token", content, Ct);
        var body = await answer.Content.ReadAsStringAsync(Ct);
        return (answer.StatusCode, body.StartsWith('{') ? JsonNode.Parse(body)! : new JsonObject());
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
