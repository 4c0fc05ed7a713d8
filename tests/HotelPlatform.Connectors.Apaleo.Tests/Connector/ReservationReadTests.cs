using HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;
using WireMock.RequestBuilders;
using static HotelPlatform.Connectors.Apaleo.Tests.Infrastructure.ApaleoHarness;

namespace HotelPlatform.Connectors.Apaleo.Tests.Connector;

/// <summary>Reading reservations: by id, by the number a guest quotes, and the paged lists of a day.</summary>
public sealed class ReservationReadTests
{
    private static IRequestBuilder List() => Request.Create().WithPath("/booking/v1/reservations").UsingGet();

    [Fact]
    public async Task A_reservation_is_read_with_its_nights_and_extras_and_mapped()
    {
        await using var harness = Start();
        harness.Stub(
            Request.Create().WithPath("/booking/v1/reservations/XPGMSXGF-1").UsingGet(),
            Responses.Json(ApaleoJson.Reservation("XPGMSXGF-1", externalCode: "voice-1", services: [ApaleoJson.BookedService("MUC-BRKF", ("2025-03-13", 2))]).ToJsonString()));

        var reservation = await harness.Connector.GetReservationAsync("XPGMSXGF-1", Ct);

        Assert.Equal(("XPGMSXGF-1", "XPGMSXGF-1", ReservationStatus.Confirmed, "Confirmed"), (reservation.VendorId, reservation.ConfirmationNumber, reservation.Status, reservation.RawStatus));
        Assert.Equal((new DateOnly(2025, 3, 12), new DateOnly(2025, 3, 14)), (reservation.Arrival, reservation.Departure));
        Assert.Equal(("voice-1", (string?)null), (reservation.ClientReference, reservation.ExternalReference));
        var breakfast = Assert.Single(reservation.Services);
        Assert.Equal(("MUC-BRKF", "Breakfast", 2, new Money(30m, "EUR")), (breakfast.ServiceId, breakfast.Name, breakfast.Quantity, breakfast.Total));
        Assert.Equal([new DateOnly(2025, 3, 13)], breakfast.Dates);
        Assert.Equal("timeSlices,services", Assert.Single(harness.Received("/booking/v1/reservations/XPGMSXGF-1")).Query["expand"]);
    }

    [Fact]
    public async Task A_reservation_of_another_property_of_the_account_is_not_found_and_a_404_names_the_reservation()
    {
        await using var harness = Start();
        harness.Stub(Request.Create().WithPath("/booking/v1/reservations/BER1-1").UsingGet(), Responses.Json(ApaleoJson.Reservation("BER1-1", property: "BER").ToJsonString()));
        harness.Stub(Request.Create().WithPath("/booking/v1/reservations/GONE-1").UsingGet(), Responses.Status(404));

        var otherProperty = await Assert.ThrowsAsync<PmsNotFoundException>(() => harness.Connector.GetReservationAsync("BER1-1", Ct));
        var missing = await Assert.ThrowsAsync<PmsNotFoundException>(() => harness.Connector.GetReservationAsync("GONE-1", Ct));

        Assert.Equal(("Reservation", "BER1-1"), (otherProperty.EntityType, otherProperty.EntityId));
        Assert.Equal(("Reservation", "GONE-1", System.Net.HttpStatusCode.NotFound, "GetReservation"), (missing.EntityType, missing.EntityId, missing.StatusCode, missing.Operation));
    }

    [Fact]
    public async Task A_confirmation_number_is_first_looked_up_as_a_reservation_id()
    {
        await using var harness = Start();
        harness.Stub(Request.Create().WithPath("/booking/v1/reservations/XPGMSXGF-1").UsingGet(), Responses.Json(ApaleoJson.Reservation("XPGMSXGF-1").ToJsonString()));

        var found = await harness.Connector.FindReservationAsync(" XPGMSXGF-1 ", Ct);

        Assert.Equal("XPGMSXGF-1", found?.VendorId);
        Assert.Empty(harness.Received("/booking/v1/reservations"));
    }

    [Fact]
    public async Task A_channel_number_is_found_by_its_exact_external_code_among_the_prefix_matches()
    {
        await using var harness = Start();
        harness.Stub(Request.Create().WithPath("/booking/v1/reservations/812864414").UsingGet(), Responses.Status(404));
        harness.Stub(
            List(),
            Responses.Json(ApaleoJson.ReservationPage(
                ApaleoJson.Reservation("AAAA-1", channel: "BookingCom", externalCode: "8128644145"),
                ApaleoJson.Reservation("BBBB-1", channel: "BookingCom", externalCode: "812864414"))));

        var found = await harness.Connector.FindReservationAsync("812864414", Ct);

        Assert.Equal(("BBBB-1", "812864414", (string?)null), (found?.VendorId, found?.ExternalReference, found?.ClientReference));
        var query = Assert.Single(harness.Received("/booking/v1/reservations")).Query;
        Assert.Equal(("MUC", "812864414"), (query["propertyIds"], query["externalCode"]));
    }

    [Fact]
    public async Task A_booking_id_finds_the_bookings_first_reservation_and_an_unknown_number_finds_nothing()
    {
        await using var harness = Start();
        harness.Stub(Request.Create().WithPath("/booking/v1/reservations/XPGMSXGF").UsingGet(), Responses.Messages(422, "The id is not a reservation id."));
        harness.Stub(List().WithParam("externalCode"), Responses.Status(204));
        harness.Stub(List().WithParam("bookingId", "XPGMSXGF"), Responses.Json(ApaleoJson.ReservationPage(ApaleoJson.Reservation("XPGMSXGF-1"), ApaleoJson.Reservation("XPGMSXGF-2"))));
        harness.Stub(List().WithParam("bookingId", "NOPE"), Responses.Status(204));
        harness.Stub(Request.Create().WithPath("/booking/v1/reservations/NOPE").UsingGet(), Responses.Status(404));

        var found = await harness.Connector.FindReservationAsync("XPGMSXGF", Ct);
        var none = await harness.Connector.FindReservationAsync("NOPE", Ct);

        Assert.Equal("XPGMSXGF-1", found?.VendorId);
        Assert.Null(none);
    }

    [Fact]
    public async Task Arrivals_of_a_day_are_read_page_by_page_until_Apaleo_answers_204()
    {
        await using var harness = Start();
        harness.Sequence(
            List,
            Responses.Json(ApaleoJson.ReservationPage(ApaleoJson.Reservation("A-1"), ApaleoJson.Reservation("B-1"))),
            Responses.Json(ApaleoJson.ReservationPage(ApaleoJson.Reservation("C-1"), ApaleoJson.Reservation("D-1"))),
            Responses.Status(204));

        var arrivals = await harness.Connector.GetReservationsAsync(ReservationQuery.Arrivals(new DateOnly(2025, 7, 1)) with { PageSize = 2 }, Ct).ToListAsync(Ct);

        Assert.Equal(["A-1", "B-1", "C-1", "D-1"], arrivals.Select(r => r.VendorId));
        var pages = harness.Received("/booking/v1/reservations");
        Assert.Equal(["1", "2", "3"], pages.Select(p => p.Query["pageNumber"]));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["propertyIds"] = PropertyId, ["status"] = "Confirmed,InHouse,CheckedOut,NoShow", ["dateFilter"] = "Arrival",
                ["from"] = "2025-07-01T00:00:00+02:00", ["to"] = "2025-07-02T00:00:00+02:00", ["pageNumber"] = "1", ["pageSize"] = "2",
                ["sort"] = "id:asc", ["expand"] = "services",
            },
            pages[0].Query);
    }

    [Fact]
    public async Task A_changed_since_listing_interrupted_after_a_page_resumes_at_the_next_page_from_its_continuation_token()
    {
        await using var harness = Start();
        harness.Stub(List().WithParam("pageNumber", "1"), Responses.Json(ApaleoJson.ReservationPage(ApaleoJson.Reservation("A-1"), ApaleoJson.Reservation("B-1"))));
        harness.Stub(List().WithParam("pageNumber", "2"), Responses.Json(ApaleoJson.ReservationPage(ApaleoJson.Reservation("C-1"), ApaleoJson.Reservation("D-1"))));
        harness.Stub(List().WithParam("pageNumber", "3"), Responses.Json(ApaleoJson.ReservationPage(ApaleoJson.Reservation("E-1"))));
        var query = ReservationQuery.ChangedSince(new DateTimeOffset(2025, 3, 9, 12, 0, 0, TimeSpan.Zero)) with { PageSize = 2 };
        var pages = harness.Connector.GetRequiredService<IPmsReservationPages>();

        var first = await pages.GetReservationPagesAsync(query, cancellationToken: Ct).FirstAsync(Ct);
        var rest = await pages.GetReservationPagesAsync(query, first.ContinuationToken, Ct).ToListAsync(Ct);

        Assert.Equal(["A-1", "B-1"], first.Items.Select(r => r.VendorId));
        Assert.Equal(["C-1", "D-1", "E-1"], rest.SelectMany(p => p.Items).Select(r => r.VendorId));
        Assert.Null(rest[^1].ContinuationToken);
        Assert.Equal(["1", "2", "3"], harness.Received("/booking/v1/reservations").Select(r => r.Query["pageNumber"]));

        // A token is bound to its query: another query (or page size) cannot use it.
        await Assert.ThrowsAsync<ArgumentException>(() => pages.GetReservationPagesAsync(ReservationQuery.Arrivals(new DateOnly(2025, 3, 10)) with { PageSize = 2 }, first.ContinuationToken, Ct).ToListAsync(Ct).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => pages.GetReservationPagesAsync(query with { PageSize = 3 }, first.ContinuationToken, Ct).ToListAsync(Ct).AsTask());
    }

    [Fact]
    public async Task A_short_page_is_the_last_and_pages_are_fetched_only_as_the_caller_reads()
    {
        await using var harness = Start();
        harness.Stub(List().WithParam("pageNumber", "1"), Responses.Json(ApaleoJson.ReservationPage(ApaleoJson.Reservation("A-1"), ApaleoJson.Reservation("B-1"))));
        harness.Stub(List().WithParam("pageNumber", "2"), Responses.Json(ApaleoJson.ReservationPage(ApaleoJson.Reservation("C-1"))));

        await using (var reader = harness.Connector.GetReservationsAsync(ReservationQuery.Departures(new DateOnly(2025, 3, 12)) with { PageSize = 2 }, Ct).GetAsyncEnumerator(Ct))
        {
            Assert.True(await reader.MoveNextAsync());
            Assert.Single(harness.Received("/booking/v1/reservations"));
        }

        var departures = await harness.Connector.GetReservationsAsync(ReservationQuery.Departures(new DateOnly(2025, 3, 12)) with { PageSize = 2 }, Ct).ToListAsync(Ct);

        Assert.Equal(["A-1", "B-1", "C-1"], departures.Select(r => r.VendorId));
        Assert.Equal(3, harness.Received("/booking/v1/reservations").Count); // 1 by the abandoned reader, 2 by the full read
        Assert.Equal(("Departure", "2025-03-12T00:00:00+01:00"), (harness.Received("/booking/v1/reservations")[^1].Query["dateFilter"], harness.Received("/booking/v1/reservations")[^1].Query["from"]));
    }

    [Fact]
    public async Task Today_is_the_propertys_day_and_in_house_and_changed_since_use_their_filters()
    {
        await using var harness = Start();
        harness.Stub(List(), Responses.Status(204));
        harness.Clock.SetUtcNow(new DateTimeOffset(2025, 3, 10, 23, 30, 0, TimeSpan.Zero)); // already 11 March in Munich

        Assert.Empty(await harness.Connector.GetReservationsAsync(ReservationQuery.InHouseToday(), Ct).ToListAsync(Ct));
        Assert.Empty(await harness.Connector.GetReservationsAsync(ReservationQuery.ChangedSince(new DateTimeOffset(2025, 3, 9, 12, 0, 0, TimeSpan.Zero)), Ct).ToListAsync(Ct));

        var (inHouse, changed) = (harness.Received("/booking/v1/reservations")[0].Query, harness.Received("/booking/v1/reservations")[1].Query);
        Assert.Equal(("Stay", "2025-03-11T23:59:59+01:00", "2025-03-12T00:00:00+01:00", "Confirmed,InHouse,CheckedOut"), (inHouse["dateFilter"], inHouse["from"], inHouse["to"], inHouse["status"]));
        Assert.Equal(("Modification", "2025-03-09T12:00:00Z"), (changed["dateFilter"], changed["from"]));
        Assert.False(changed.ContainsKey("status"));
        Assert.False(changed.ContainsKey("to"));
    }
}
