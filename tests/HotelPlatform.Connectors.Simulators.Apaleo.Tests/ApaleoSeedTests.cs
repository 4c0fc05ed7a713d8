using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HotelPlatform.Connectors.Simulators.Apaleo;
using Microsoft.Extensions.Time.Testing;

namespace HotelPlatform.Connectors.Simulators.Apaleo.Tests;

public sealed class ApaleoSeedTests : ApaleoTestBase
{
    [Fact]
    public void The_scenario_describes_the_seeded_ids_and_dates_relative_to_today_at_the_property()
    {
        Assert.Equal(new DateOnly(2025, 3, 3), Scenario.Today);
        Assert.Equal("BER", Scenario.PropertyId);
        Assert.Equal("Europe/Berlin", Scenario.TimeZone);
        Assert.Equal("EUR", Scenario.CurrencyCode);
        Assert.Equal(["BER-SGL", "BER-DBL", "BER-STE"], Scenario.UnitGroupIds);
        Assert.Equal(6, Scenario.RatePlanIds.Count);
        Assert.Equal("BER-DBL", Scenario.MainUnitGroupId);
        Assert.Equal("BER-FLEX-DBL", Scenario.FlexibleRatePlanId);
        Assert.Equal("BER-NONREF-DBL", Scenario.NonRefundableRatePlanId);
        Assert.Equal("BER-BRKF", Scenario.BreakfastServiceId);
        Assert.Equal(new ApaleoSoldOutNight("BER-SGL", Today.AddDays(10)), Scenario.SoldOut);
        Assert.Equal(new ApaleoRestrictedArrival("BER-FLEX-DBL", Today.AddDays(14), 2), Scenario.RestrictedArrival);
        Assert.Equal(("Ada", "Lovelace", "ada.lovelace@example.com", Today, Today.AddDays(2)), (Scenario.KnownGuest.FirstName, Scenario.KnownGuest.LastName, Scenario.KnownGuest.Email, Scenario.KnownGuest.Arrival, Scenario.KnownGuest.Departure));
        Assert.Equal((Today.AddDays(-1), Today.AddDays(1)), (Scenario.InHouseGuest.Arrival, Scenario.InHouseGuest.Departure));
        Assert.Equal(3, Scenario.SoldOutReservationIds.Count);
        Assert.Equal(Today.AddDays(364), Scenario.LastBookableNight);

        ApaleoReservationInfo known = Apaleo.FindReservation(Scenario.KnownGuest.ReservationId)!;
        Assert.Equal(("Confirmed", "BER-FLEX-DBL", (string?)null), (known.Status, known.RatePlanId, known.UnitId));
        Assert.Equal("InHouse", Apaleo.FindReservation(Scenario.InHouseGuest.ReservationId)!.Status);
        Assert.Equal(0, Apaleo.GetSellableCount(Scenario.SoldOut.UnitGroupId, Scenario.SoldOut.Night));
        Assert.Throws<ArgumentException>(() => Apaleo.GetSellableCount("BER-XXL", Today));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_ids_and_another_seed_other_ids()
    {
        await using var same = new ApaleoSimulator(new SimulatorOptions { TimeProvider = new FakeTimeProvider(Start) });
        await using var other = new ApaleoSimulator(new SimulatorOptions { TimeProvider = new FakeTimeProvider(Start), Seed = 7 });

        Assert.Equal(Apaleo.Reservations.Select(r => r.Id), same.Reservations.Select(r => r.Id));
        Assert.NotEqual(Apaleo.Reservations.Select(r => r.Id), other.Reservations.Select(r => r.Id));
        Assert.Equal(Scenario.KnownGuest.Arrival, other.Scenario.KnownGuest.Arrival);
    }

    [Fact]
    public async Task Reset_restores_the_seeded_state_and_forgets_subscriptions_tokens_and_keys()
    {
        IReadOnlyList<ApaleoReservationInfo> seeded = Apaleo.Reservations;
        string booked = await BookAsync(Today.AddDays(3), Today.AddDays(4));
        (await SendAsync(HttpMethod.Put, $"/booking/v1/reservation-actions/{Scenario.KnownGuest.ReservationId}/cancel")).Dispose();

        Apaleo.Reset();

        Assert.Equal(seeded, Apaleo.Reservations);
        Assert.Null(Apaleo.FindReservation(booked));
        Assert.Empty(Apaleo.Events);
        Assert.Equal(0, Apaleo.Idempotency.Count);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/inventory/v1/properties")).StatusCode);
    }

    [Fact]
    public async Task Today_is_the_date_in_the_property_time_zone_not_in_utc()
    {
        // 23:30 UTC on 3 March is 00:30 on 4 March in Berlin.
        await using var late = new ApaleoSimulator(new SimulatorOptions { TimeProvider = new FakeTimeProvider(new DateTimeOffset(2025, 3, 3, 23, 30, 0, TimeSpan.Zero)) });

        Assert.Equal(new DateOnly(2025, 3, 4), late.Scenario.Today);
        Assert.Equal(new DateOnly(2025, 3, 4), late.Scenario.KnownGuest.Arrival);
    }

    [Fact]
    public async Task A_custom_seed_changes_the_property_room_types_and_guests()
    {
        var options = new ApaleoSimulatorOptions
        {
            Seed = new ApaleoSeed
            {
                PropertyId = "LIS",
                PropertyName = "Simulator Lisbon",
                TimeZone = "Europe/Lisbon",
                UnitGroups = [new("TWN", "Twin", 2, 2, 80m), new("KNG", "King", 4, 3, 150m)],
                SoldOutNightOffset = 3,
                KnownGuest = new("Amália", "Rodrigues", "amalia@example.com"),
            },
        };
        await using var lisbon = new ApaleoSimulator(new SimulatorOptions { TimeProvider = new FakeTimeProvider(Start) }, options);
        await lisbon.StartAsync(Ct);
        using HttpClient client = lisbon.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", lisbon.Tokens.IssueToken(options.ClientId).AccessToken);

        JsonNode groups = (await client.GetFromJsonAsync<JsonNode>("/inventory/v1/unit-groups", Ct))!;
        Assert.Equal(["LIS-TWN", "LIS-KNG"], groups["unitGroups"]!.AsArray().Select(g => g!["id"]!.GetValue<string>()));
        Assert.Equal("LIS-FLEX-KNG", lisbon.Scenario.FlexibleRatePlanId);
        Assert.Equal(new ApaleoSoldOutNight("LIS-TWN", lisbon.Scenario.Today.AddDays(3)), lisbon.Scenario.SoldOut);
        Assert.Equal("Rodrigues", lisbon.FindReservation(lisbon.Scenario.KnownGuest.ReservationId)!.LastName);
        Assert.Equal(2, lisbon.Scenario.SoldOutReservationIds.Count);
    }

    [Theory]
    [InlineData("one unit group")]
    [InlineData("unknown zone")]
    [InlineData("one unit")]
    [InlineData("min stay 1")]
    [InlineData("currency")]
    public void An_invalid_seed_is_refused_with_an_argument_exception(string problem)
    {
        ApaleoSeed seed = problem switch
        {
            "one unit group" => new ApaleoSeed { UnitGroups = [new("SGL", "Single", 3, 1, 90m)] },
            "unknown zone" => new ApaleoSeed { TimeZone = "Mars/Olympus_Mons" },
            "one unit" => new ApaleoSeed { UnitGroups = [new("SGL", "Single", 1, 1, 90m), new("DBL", "Double", 3, 2, 120m)] },
            "min stay 1" => new ApaleoSeed { MinLengthOfStay = 1 },
            _ => new ApaleoSeed { CurrencyCode = "eur" },
        };

        Assert.ThrowsAny<ArgumentException>(() => new ApaleoSimulator(apaleoOptions: new ApaleoSimulatorOptions { Seed = seed }));
    }
}
