using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Mews;
using Microsoft.Extensions.Time.Testing;

namespace HotelPlatform.Connectors.Mews.Tests.Simulator;

/// <summary>The Mews simulator refuses what Mews would refuse, and limits each access token as Mews does.</summary>
public sealed class SimulatorTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero));
    private MewsSimulator _mews = null!;
    private HttpClient _http = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _mews = new MewsSimulator(new SimulatorOptions { TimeProvider = _clock }, new MewsSimulatorOptions { RequestsPerWindow = 5 });
        await _mews.StartAsync(Ct);
        _http = _mews.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _mews.DisposeAsync();
    }

    [Fact]
    public async Task A_request_with_an_undocumented_member_is_refused_with_400_and_recorded()
    {
        var response = await PostAsync("configuration/get", new JsonObject { ["Surprise"] = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(_mews.ValidationFailures, f => f.Member.Contains("Surprise", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_listing_without_Limitation_is_refused_with_400()
    {
        var response = await PostAsync("reservations/getAll/2023-06-06", new JsonObject { ["ReservationIds"] = new JsonArray("x") });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(_mews.ValidationFailures, f => f.Member.Contains("Limitation", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("reservations/getAll")] // ver 2017-04-12, discontinued 10 May 2025
    [InlineData("reservations/getAll/2023-06-07")]
    [InlineData("Reservations/getAll/2023-06-06")]
    [InlineData("reservations/getAll/2023-06-06/")]
    public async Task A_wrong_version_case_or_trailing_slash_is_404_with_Mews_error_body(string operation)
    {
        var response = await PostAsync(operation, new JsonObject { ["Limitation"] = new JsonObject { ["Count"] = 1 } });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.NotNull((string?)body["Message"]);
        Assert.True(response.Headers.Contains("Request-Id"));
    }

    [Fact]
    public async Task A_wrong_access_token_is_401_and_the_journal_masks_the_tokens()
    {
        var response = await PostAsync("configuration/get", [], accessToken: "WRONG-TOKEN");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Invalid AccessToken.", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["Message"]);
        var recorded = _mews.Requests.Snapshot()[^1];
        Assert.DoesNotContain("WRONG-TOKEN", recorded.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(MewsSimulatorOptions.DefaultClientToken, recorded.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_interval_longer_than_three_months_is_refused()
    {
        var response = await PostAsync("reservations/getAll/2023-06-06", new JsonObject
        {
            ["UpdatedUtc"] = new JsonObject { ["StartUtc"] = "2025-01-01T00:00:00Z", ["EndUtc"] = "2025-04-01T00:00:01Z" },
            ["Limitation"] = new JsonObject { ["Count"] = 10 },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UpdatedUtc", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["Message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Availability_must_start_at_a_local_midnight()
    {
        var response = await PostAsync("services/getAvailability/2024-01-22", new JsonObject
        {
            ["ServiceId"] = _mews.Scenario.ServiceId,
            ["FirstTimeUnitStartUtc"] = "2025-06-10T00:00:00Z", // Prague is UTC+2 in June: midnight is 22:00 UTC
            ["LastTimeUnitStartUtc"] = "2025-06-11T22:00:00Z",
            ["Metrics"] = new JsonArray("Occupied"),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Pages_are_newest_first_and_move_by_the_oldest_item_as_cursor()
    {
        var first = JsonNode.Parse(await (await PostAsync("reservations/getAll/2023-06-06", new JsonObject { ["Limitation"] = new JsonObject { ["Count"] = 2 } })).Content.ReadAsStringAsync(Ct))!;
        var cursor = (string)first["Cursor"]!;
        var second = JsonNode.Parse(await (await PostAsync("reservations/getAll/2023-06-06", new JsonObject { ["Limitation"] = new JsonObject { ["Count"] = 2, ["Cursor"] = cursor } })).Content.ReadAsStringAsync(Ct))!;

        var ids = first["Reservations"]!.AsArray().Concat(second["Reservations"]!.AsArray()).Select(r => (string)r!["Id"]!).ToList();
        Assert.Equal(cursor, ids[1]);
        Assert.Equal(3, ids.Distinct().Count());
        var created = _mews.Reservations.OrderByDescending(r => r.CreatedUtc).Select(r => r.Id).ToList();
        Assert.Equal(created, ids);
    }

    [Fact]
    public async Task The_access_token_is_limited_in_a_sliding_window_with_Retry_After()
    {
        _mews.RateLimiter.Reset();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync("configuration/get", [])).StatusCode);
            _clock.Advance(TimeSpan.FromSeconds(5));
        }

        // 25 s after the first: the window still holds five.
        var refused = await PostAsync("configuration/get", []);
        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.NotNull((string?)JsonNode.Parse(await refused.Content.ReadAsStringAsync(Ct))!["Message"]);

        // 30 s after the first, it has left the window: one more is allowed, not a fresh five.
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("configuration/get", [])).StatusCode);
        Assert.Equal((HttpStatusCode)429, (await PostAsync("configuration/get", [])).StatusCode);
    }

    [Fact]
    public async Task A_cancellation_without_Notes_is_refused()
    {
        var response = await PostAsync("reservations/cancel", new JsonObject { ["ReservationIds"] = new JsonArray(_mews.Scenario.KnownGuestReservationId) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Confirmed", _mews.FindReservation(_mews.Scenario.KnownGuestReservationId)!.State);
    }

    [Fact]
    public async Task Cancelling_a_checked_in_reservation_is_a_403_business_rule()
    {
        var response = await PostAsync("reservations/cancel", new JsonObject { ["ReservationIds"] = new JsonArray(_mews.Scenario.InHouseReservationId), ["Notes"] = "test" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Started", _mews.FindReservation(_mews.Scenario.InHouseReservationId)!.State);
    }

    [Fact]
    public async Task Restrictions_without_ServiceIds_are_refused_with_400_and_recorded()
    {
        var response = await PostAsync("restrictions/getAll", new JsonObject { ["Limitation"] = new JsonObject { ["Count"] = 10 } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(_mews.ValidationFailures, f => f.Member.Contains("ServiceIds", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pricing_an_unknown_rate_is_refused_as_an_invalid_RateId()
    {
        var scenario = _mews.Scenario;
        var start = DateTimeOffset.Parse("2025-07-01T13:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var response = await PostAsync("reservations/price", new JsonObject
        {
            ["ServiceId"] = scenario.ServiceId,
            ["Reservations"] = new JsonArray(new JsonObject
            {
                ["StartUtc"] = start.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["EndUtc"] = start.AddDays(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["RequestedCategoryId"] = scenario.DoubleCategoryId,
                ["RateId"] = "no-such-rate",
                ["PersonCounts"] = new JsonArray(new JsonObject { ["AgeCategoryId"] = "x", ["Count"] = 1 }),
            }),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("RateId", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["Message"], StringComparison.Ordinal);
        Assert.Empty(_mews.ValidationFailures);
    }

    [Fact]
    public async Task A_stay_shorter_than_the_restriction_allows_is_refused_unless_CheckRateApplicability_is_false()
    {
        var scenario = _mews.Scenario;
        var ages = JsonNode.Parse(await (await PostAsync("ageCategories/getAll", new JsonObject { ["ServiceIds"] = new JsonArray(scenario.ServiceId), ["Limitation"] = new JsonObject { ["Count"] = 10 } })).Content.ReadAsStringAsync(Ct))!;
        var adult = (string)ages["AgeCategories"]!.AsArray().First(a => (string?)a!["Classification"] == "Adult")!["Id"]!;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(_mews.MewsOptions.TimeZone);
        var start = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(scenario.RestrictedArrival.ToDateTime(new TimeOnly(15, 0)), zone));
        JsonObject Add(bool? check)
        {
            var body = new JsonObject
            {
                ["ServiceId"] = scenario.ServiceId,
                ["Reservations"] = new JsonArray(new JsonObject
                {
                    ["StartUtc"] = start.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                    ["EndUtc"] = start.AddDays(scenario.RestrictedMinStay - 1).AddHours(-3).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                    ["RequestedCategoryId"] = scenario.DoubleCategoryId,
                    ["RateId"] = scenario.FlexibleRateId,
                    ["CustomerId"] = scenario.KnownGuest.Id,
                    ["PersonCounts"] = new JsonArray(new JsonObject { ["AgeCategoryId"] = adult, ["Count"] = 1 }),
                }),
            };
            if (check is { } value)
            {
                body["CheckRateApplicability"] = value;
            }

            return body;
        }

        var refused = await PostAsync("reservations/add", Add(check: null));
        var booked = await PostAsync("reservations/add", Add(check: false));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, booked.StatusCode);
        Assert.Single(_mews.Reservations, r => r.CategoryId == scenario.DoubleCategoryId && r.StartUtc == start);
    }

    private Task<HttpResponseMessage> PostAsync(string operation, JsonObject body, string? accessToken = null)
    {
        body.Insert(0, "ClientToken", MewsSimulatorOptions.DefaultClientToken);
        body.Insert(1, "AccessToken", accessToken ?? MewsSimulatorOptions.DefaultAccessToken);
        body.Insert(2, "Client", "Tests 1.0.0");
        return _http.PostAsync(MewsSimulator.ApiPrefix + operation, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), Ct);
    }
}
