using System.Net;
using System.Text.Json.Nodes;
using HotelPlatform.Connectors.Simulators.Apaleo;

namespace HotelPlatform.Connectors.Simulators.Apaleo.Tests;

public sealed class ApaleoBookingTests : ApaleoTestBase
{
    [Fact]
    public async Task A_booking_is_created_with_201_a_location_and_a_confirmed_reservation_priced_per_night()
    {
        DateOnly arrival = Today.AddDays(7);
        JsonObject body = BookingBody(arrival, arrival.AddDays(2), Scenario.FlexibleRatePlanId, adults: 2, lastName: "Curie", externalCode: "REF-1");
        body["reservations"]![0]!["guestComment"] = "Late arrival";
        body["reservations"]![0]!["services"] = new JsonArray(new JsonObject { ["serviceId"] = Scenario.BreakfastServiceId });

        using HttpResponseMessage response = await PostBookingAsync(body);

        JsonNode created = await ReadJsonAsync(response, HttpStatusCode.Created);
        string bookingId = created["id"]!.GetValue<string>();
        string reservationId = Assert.Single(created["reservationIds"]!.AsArray())!["id"]!.GetValue<string>();
        Assert.Matches("^[A-Z]{8}$", bookingId);
        Assert.Equal($"{bookingId}-1", reservationId);
        Assert.Equal($"/booking/v1/bookings/{bookingId}", response.Headers.Location!.OriginalString);

        JsonNode reservation = await GetReservationAsync(reservationId, "timeSlices,services,booker");
        Assert.Equal("Confirmed", reservation["status"]!.GetValue<string>());
        Assert.Equal(bookingId, reservation["bookingId"]!.GetValue<string>());
        Assert.Equal("Curie", reservation["primaryGuest"]!["lastName"]!.GetValue<string>());
        Assert.Equal("Curie", reservation["booker"]!["lastName"]!.GetValue<string>());
        Assert.Equal("REF-1", reservation["externalCode"]!.GetValue<string>());
        Assert.Equal("Late arrival", reservation["guestComment"]!.GetValue<string>());
        Assert.Equal("PM6Hold", reservation["guaranteeType"]!.GetValue<string>());
        Assert.Equal(2, reservation["timeSlices"]!.AsArray().Count);
        Assert.Equal(119m, reservation["timeSlices"]![0]!["totalGrossAmount"]!["amount"]!.GetValue<decimal>());
        Assert.Equal(2 * 119m + 2 * 2 * 19.5m, reservation["totalGrossAmount"]!["amount"]!.GetValue<decimal>());
        Assert.Equal(2, reservation["taxDetails"]!.AsArray().Count);
        Assert.Equal("2025-03-03T08:00:00+00:00", reservation["created"]!.GetValue<string>());
        Assert.Equal(["booking/created", "reservation/created"], Apaleo.Events.Select(e => e.Name));
        Assert.Empty(Apaleo.ValidationFailures);
    }

    [Fact]
    public async Task Prices_sent_per_time_slice_override_the_rate_and_a_date_time_arrival_is_read_in_the_property_zone()
    {
        DateOnly arrival = Today.AddDays(8);
        JsonObject body = BookingBody(arrival, arrival.AddDays(1), Scenario.FlexibleRatePlanId);
        body["reservations"]![0]!["arrival"] = $"{D(arrival)}T16:00:00Z";
        body["reservations"]![0]!["timeSlices"]![0]!["totalAmount"] = new JsonObject { ["amount"] = 99.5, ["currency"] = "EUR" };

        string id = (await ReadJsonAsync(await PostBookingAsync(body), HttpStatusCode.Created))["reservationIds"]![0]!["id"]!.GetValue<string>();

        JsonNode reservation = await GetReservationAsync(id);
        Assert.Equal(99.5m, reservation["totalGrossAmount"]!["amount"]!.GetValue<decimal>());
        Assert.Equal($"{D(arrival)}T17:00:00+01:00", reservation["arrival"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("roomNumber", "$.reservations[0].roomNumber")]
    [InlineData("-adults", "$.reservations[0].adults")]
    [InlineData("-timeSlices", "$.reservations[0].timeSlices")]
    [InlineData("channelCode=Carrier", "$.reservations[0].channelCode")]
    [InlineData("adults=two", "$.reservations[0].adults")]
    [InlineData("arrival=03/10/2025", "$.reservations[0].arrival")]
    [InlineData("guaranteeType=Ota", "$.reservations[0].guaranteeType")]
    public async Task A_booking_that_does_not_match_the_wire_model_is_refused_with_400_naming_the_member(string change, string member)
    {
        JsonObject body = BookingBody(Today.AddDays(7), Today.AddDays(8), Scenario.FlexibleRatePlanId);
        JsonObject reservation = body["reservations"]![0]!.AsObject();
        if (change.StartsWith('-'))
        {
            reservation.Remove(change[1..]);
        }
        else if (change.Split('=') is [string name, string value])
        {
            reservation[name] = value;
        }
        else
        {
            reservation[change] = "101";
        }

        using HttpResponseMessage response = await PostBookingAsync(body);

        await AssertRefusedAsync(response, member);
        Assert.Equal(2 + Scenario.SoldOutReservationIds.Count, Apaleo.Reservations.Count);
    }

    [Fact]
    public async Task A_booking_without_a_booker_is_refused()
    {
        JsonObject noBooker = BookingBody(Today.AddDays(7), Today.AddDays(8), Scenario.FlexibleRatePlanId);
        noBooker.Remove("booker");

        using HttpResponseMessage missing = await PostBookingAsync(noBooker);

        await AssertRefusedAsync(missing, "$.booker");
    }

    [Fact]
    public async Task Business_rules_fail_with_422_messages_and_nothing_is_written()
    {
        int before = Apaleo.Reservations.Count;
        DateOnly night = Scenario.SoldOut.Night;
        string soldOutPlan = Scenario.RatePlanIds.First(id => id.EndsWith(Scenario.SoldOut.UnitGroupId[^3..], StringComparison.Ordinal));

        using HttpResponseMessage soldOut = await PostBookingAsync(BookingBody(night, night.AddDays(1), soldOutPlan));
        using HttpResponseMessage restricted = await PostBookingAsync(BookingBody(Scenario.RestrictedArrival.Arrival, Scenario.RestrictedArrival.Arrival.AddDays(1), Scenario.RestrictedArrival.RatePlanId));
        using HttpResponseMessage unknownPlan = await PostBookingAsync(BookingBody(Today.AddDays(3), Today.AddDays(4), "BER-NOPE"));
        JsonObject wrongSlices = BookingBody(Today.AddDays(3), Today.AddDays(5), Scenario.FlexibleRatePlanId);
        wrongSlices["reservations"]![0]!["timeSlices"]!.AsArray().RemoveAt(1);
        using HttpResponseMessage missingSlice = await PostBookingAsync(wrongSlices);
        using HttpResponseMessage crowded = await PostBookingAsync(BookingBody(Today.AddDays(3), Today.AddDays(4), Scenario.FlexibleRatePlanId, adults: 3));
        JsonObject dollars = BookingBody(Today.AddDays(3), Today.AddDays(4), Scenario.FlexibleRatePlanId);
        dollars["reservations"]![0]!["timeSlices"]![0]!["totalAmount"] = new JsonObject { ["amount"] = 100, ["currency"] = "USD" };
        using HttpResponseMessage currency = await PostBookingAsync(dollars);
        JsonObject weak = BookingBody(Today.AddDays(3), Today.AddDays(4), Scenario.NonRefundableRatePlanId);
        weak["reservations"]![0]!["guaranteeType"] = "PM6Hold";
        using HttpResponseMessage guarantee = await PostBookingAsync(weak);

        await AssertMessagesAsync(soldOut, $"is fully booked on {D(night)}");
        await AssertMessagesAsync(restricted, "requires a minimum stay of 2 nights");
        await AssertMessagesAsync(unknownPlan, "Rate plan 'BER-NOPE' not found.");
        await AssertMessagesAsync(missingSlice, "give one per night");
        await AssertMessagesAsync(crowded, "takes at most 2 persons");
        await AssertMessagesAsync(currency, "'USD'");
        await AssertMessagesAsync(guarantee, "weaker than 'Prepayment'");
        Assert.Equal(before, Apaleo.Reservations.Count);
        Assert.Empty(Apaleo.Events);
        Assert.Empty(Apaleo.ValidationFailures);
    }

    [Fact]
    public async Task Two_reservations_of_one_booking_cannot_take_the_same_last_room()
    {
        // Take four of the five doubles, then book two in one booking: the second finds none left, and neither is made.
        DateOnly arrival = Today.AddDays(30);
        for (int i = 0; i < 4; i++)
        {
            await BookAsync(arrival, arrival.AddDays(1));
        }

        JsonObject body = BookingBody(arrival, arrival.AddDays(1), Scenario.FlexibleRatePlanId);
        body["reservations"]!.AsArray().Add(body["reservations"]![0]!.DeepClone());

        using HttpResponseMessage response = await PostBookingAsync(body);

        IReadOnlyList<string> messages = await AssertMessagesAsync(response, "Reservation 2: Unit group 'BER-DBL' is fully booked");
        Assert.Single(messages);
        Assert.Equal(1, Apaleo.GetSellableCount(Scenario.MainUnitGroupId, arrival));
    }

    [Fact]
    public async Task The_same_idempotency_key_with_the_same_body_replays_the_response_and_books_once()
    {
        JsonObject body = BookingBody(Today.AddDays(9), Today.AddDays(10), Scenario.FlexibleRatePlanId);

        using HttpResponseMessage first = await PostBookingAsync(body, "key-1");
        using HttpResponseMessage second = await PostBookingAsync(body, "key-1");

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await second.Content.ReadAsStringAsync(Ct));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, Apaleo.Idempotency.Replays);
        Assert.Single(Apaleo.Reservations, r => r.Arrival == Today.AddDays(9) && r.LastName == "Doe");
        Assert.Single(Apaleo.Events, e => e.Name == "booking/created");
    }

    [Fact]
    public async Task The_same_idempotency_key_with_another_body_is_refused_with_422()
    {
        using HttpResponseMessage first = await PostBookingAsync(BookingBody(Today.AddDays(9), Today.AddDays(10), Scenario.FlexibleRatePlanId), "key-2");
        using HttpResponseMessage other = await PostBookingAsync(BookingBody(Today.AddDays(9), Today.AddDays(11), Scenario.FlexibleRatePlanId), "key-2");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await AssertMessagesAsync(other, "'key-2' was already used with different request parameters");
        Assert.Single(Apaleo.Reservations, r => r.Arrival == Today.AddDays(9));
    }

    [Fact]
    public async Task An_idempotency_key_is_kept_for_24_hours_on_the_simulator_clock()
    {
        JsonObject body = BookingBody(Today.AddDays(9), Today.AddDays(10), Scenario.FlexibleRatePlanId);
        using HttpResponseMessage first = await PostBookingAsync(body, "key-3");

        Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        Token = Apaleo.Tokens.IssueToken(ApaleoSimulatorOptions.DefaultClientId).AccessToken;
        using HttpResponseMessage replay = await PostBookingAsync(body, "key-3");
        Clock.Advance(TimeSpan.FromSeconds(1));
        using HttpResponseMessage fresh = await PostBookingAsync(body, "key-3");

        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await replay.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Created, fresh.StatusCode);
        Assert.NotEqual(await first.Content.ReadAsStringAsync(Ct), await fresh.Content.ReadAsStringAsync(Ct));
        Assert.Equal(2, Apaleo.Reservations.Count(r => r.Arrival == Today.AddDays(9)));
    }

    [Fact]
    public async Task Commit_then_timeout_commits_the_booking_once_and_the_retry_with_the_key_gets_it()
    {
        JsonObject body = BookingBody(Today.AddDays(9), Today.AddDays(10), Scenario.FlexibleRatePlanId);
        Apaleo.Faults.Enqueue(SimulatedFault.CommitThenTimeout(), "POST", "/booking/v1/bookings");

        await Assert.ThrowsAsync<HttpRequestException>(() => PostBookingAsync(body, "key-ctt"));
        ApaleoReservationInfo committed = Assert.Single(Apaleo.Reservations, r => r.Arrival == Today.AddDays(9));
        using HttpResponseMessage retry = await PostBookingAsync(body, "key-ctt");

        JsonNode created = await ReadJsonAsync(retry, HttpStatusCode.Created);
        Assert.Equal(committed.BookingId, created["id"]!.GetValue<string>());
        Assert.Single(Apaleo.Reservations, r => r.Arrival == Today.AddDays(9));
        Assert.Single(Apaleo.Events, e => e.Name == "booking/created");
    }
}
