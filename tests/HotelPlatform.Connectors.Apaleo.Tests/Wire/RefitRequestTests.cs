using System.Net;
using HotelPlatform.Connectors.Apaleo.Mapping;
using HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;
using HotelPlatform.Connectors.Apaleo.Wire;

namespace HotelPlatform.Connectors.Apaleo.Tests.Wire;

/// <summary>
/// The Refit interfaces end to end through an in-process handler: the exact method, path, query, headers and body that
/// would go out, and how 204, 201 and 422 answers come back.
/// </summary>
public sealed class RefitRequestTests
{
    private readonly RecordingHandler handler = new();

    [Fact]
    public async Task Offers_are_asked_with_dates_adults_and_comma_separated_arrays()
    {
        handler.Answer(HttpStatusCode.NoContent);
        var api = ApaleoRefit.For<IApaleoBookingApi>(handler.CreateClient());

        var response = await api.GetOffersAsync("MUC", new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 12), 2, [3, 7], ["MUC-SGL", "MUC-DBL"], "Direct", null, cancellationToken: TestContext.Current.CancellationToken);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("/booking/v1/offers", request.Uri.AbsolutePath);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["propertyId"] = "MUC", ["arrival"] = "2025-03-10", ["departure"] = "2025-03-12", ["adults"] = "2",
                ["childrenAges"] = "3,7", ["unitGroupIds"] = "MUC-SGL,MUC-DBL", ["channelCode"] = "Direct",
            },
            request.Query);
        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Null(response.Content);
        Assert.Empty(ApaleoOfferMapper.ToRateQuotes(response.Content, new QuoteRequest(new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 12), 2)));
    }

    [Fact]
    public async Task A_booking_is_posted_as_json_with_the_idempotency_key_header_and_the_201_answer_is_read()
    {
        handler.Answer(HttpStatusCode.Created, """{"id":"XPGMSXGF","reservationIds":[{"id":"XPGMSXGF-1"}]}""");
        var api = ApaleoRefit.For<IApaleoBookingApi>(handler.CreateClient());
        var booking = ApaleoBookingMapper.ToCreateBooking(RequestSamples.FullDraft(), "voice-7Q2K");

        var response = await api.CreateBookingAsync("voice-7Q2K", booking, TestContext.Current.CancellationToken);

        var request = Assert.Single(handler.Requests);
        Assert.Equal((HttpMethod.Post, "/booking/v1/bookings"), (request.Method, request.Uri.AbsolutePath));
        Assert.Equal("voice-7Q2K", request.Headers["Idempotency-Key"]);
        Assert.Equal("application/json", request.ContentType);
        Json.AssertEquivalent(request.Body!, Json.Write(booking, Json.Context.CreateBookingModel));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("XPGMSXGF-1", ApaleoBookingMapper.ToReservationId(response.Content!));
    }

    [Fact]
    public async Task A_reservation_listing_sends_its_filter_with_whole_second_offsets_and_reads_a_204_as_the_end()
    {
        handler.Answer(HttpStatusCode.NoContent);
        var api = ApaleoRefit.For<IApaleoBookingApi>(handler.CreateClient());
        var filter = ApaleoReservationQueryMapper.ToListFilter(ReservationQuery.Arrivals(new DateOnly(2025, 7, 1)), new DateOnly(2025, 7, 1), Zones.Berlin);

        var response = await api.GetReservationsAsync(
            ["MUC"], null, filter.Statuses, filter.DateFilter, filter.From!.Value.AddTicks(1234), filter.To, null, null, 2, 100,
            [ApaleoQueryValues.ReservationSort.IdAscending], ApaleoQueryValues.ReservationExpand.Default, TestContext.Current.CancellationToken);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/booking/v1/reservations", request.Uri.AbsolutePath);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["propertyIds"] = "MUC", ["status"] = "Confirmed,InHouse,CheckedOut,NoShow", ["dateFilter"] = "Arrival",
                ["from"] = "2025-07-01T00:00:00+02:00", ["to"] = "2025-07-02T00:00:00+02:00", ["pageNumber"] = "2", ["pageSize"] = "100",
                ["sort"] = "id:asc", ["expand"] = "timeSlices,services",
            },
            request.Query);
        Assert.DoesNotContain("+02:00", request.Uri.Query, StringComparison.Ordinal); // '+' is escaped, or it would read as a space
        Assert.Null(response.Content);
        Assert.False(ApaleoReservationQueryMapper.HasNextPage(response.Content?.Reservations.Count ?? 0, 100));
    }

    [Fact]
    public async Task A_422_answer_is_returned_with_its_messages_readable_for_the_error_factory()
    {
        handler.Answer(HttpStatusCode.UnprocessableEntity, """{"messages":["The reservation XPGMSXGF-1 cannot be canceled because it is InHouse."]}""");
        var api = ApaleoRefit.For<IApaleoBookingApi>(handler.CreateClient());

        var response = await api.CancelReservationAsync("XPGMSXGF-1", TestContext.Current.CancellationToken);

        var request = Assert.Single(handler.Requests);
        Assert.Equal((HttpMethod.Put, "/booking/v1/reservation-actions/XPGMSXGF-1/cancel", null), (request.Method, request.Uri.AbsolutePath, request.Body));
        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True(response.HasResponseError(out var error));
        Assert.Equal(["The reservation XPGMSXGF-1 cannot be canceled because it is InHouse."], ApaleoErrorParser.Parse(error.Content).Messages);
    }

    [Fact]
    public async Task A_reservation_is_read_with_its_expansions_and_its_id_escaped_in_the_path()
    {
        handler.Answer(HttpStatusCode.NotFound);
        var api = ApaleoRefit.For<IApaleoBookingApi>(handler.CreateClient());

        var response = await api.GetReservationAsync("ABC/1", ApaleoQueryValues.ReservationExpand.Default, TestContext.Current.CancellationToken);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/booking/v1/reservations/ABC%2F1", request.Uri.AbsolutePath);
        Assert.Equal("timeSlices,services", request.Query["expand"]);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Changes_are_sent_as_a_json_patch_array_and_an_amend_as_a_put()
    {
        handler.Answer(HttpStatusCode.NoContent).Answer(HttpStatusCode.NoContent);
        var api = ApaleoRefit.For<IApaleoBookingApi>(handler.CreateClient());
        var changes = new ReservationChanges { Comment = "Late", Adults = 2 };
        var current = RequestSamples.CurrentReservation();

        var patched = await api.PatchReservationAsync(current.Id, ApaleoChangeMapper.ToPatchOperations(changes), TestContext.Current.CancellationToken);
        var amended = await api.AmendReservationAsync(current.Id, ApaleoChangeMapper.ToDesiredStay(changes, current)!, TestContext.Current.CancellationToken);

        Assert.Equal((HttpMethod.Patch, "/booking/v1/reservations/ABCDEFGH-1", "application/json"), (handler.Requests[0].Method, handler.Requests[0].Uri.AbsolutePath, handler.Requests[0].ContentType));
        Json.AssertEquivalent("""[{"op":"add","path":"/comment","value":"Late"}]""", System.Text.Json.Nodes.JsonNode.Parse(handler.Requests[0].Body!)!);
        Assert.Equal((HttpMethod.Put, "/booking/v1/reservation-actions/ABCDEFGH-1/amend"), (handler.Requests[1].Method, handler.Requests[1].Uri.AbsolutePath));
        Json.AssertEquivalent(
            """{"arrival":"2025-03-10","departure":"2025-03-12","adults":2,"timeSlices":[{"ratePlanId":"MUC-FLEX-DBL"},{"ratePlanId":"MUC-PROMO-DBL"}]}""",
            System.Text.Json.Nodes.JsonNode.Parse(handler.Requests[1].Body!)!);
        Assert.True(patched.IsSuccessStatusCode && amended.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Extras_are_offered_for_a_stay_or_a_reservation_and_booked_with_a_put()
    {
        handler.Answer(HttpStatusCode.NoContent).Answer(HttpStatusCode.NoContent).Answer(HttpStatusCode.NoContent);
        var api = ApaleoRefit.For<IApaleoBookingApi>(handler.CreateClient());

        await api.GetServiceOffersAsync("MUC-FLEX-DBL", new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 12), 2, null, cancellationToken: TestContext.Current.CancellationToken);
        await api.GetReservationServiceOffersAsync("ABCDEFGH-1", cancellationToken: TestContext.Current.CancellationToken);
        await api.BookServiceAsync("ABCDEFGH-1", ApaleoServiceMapper.ToBookService(new ServiceOrder("MUC-BRKF") { Quantity = 2 }), TestContext.Current.CancellationToken);

        Assert.Equal("/booking/v1/service-offers", handler.Requests[0].Uri.AbsolutePath);
        Assert.Equal(
            new Dictionary<string, string> { ["ratePlanId"] = "MUC-FLEX-DBL", ["arrival"] = "2025-03-10", ["departure"] = "2025-03-12", ["adults"] = "2" },
            handler.Requests[0].Query);
        Assert.Equal(("/booking/v1/reservations/ABCDEFGH-1/service-offers", ""), (handler.Requests[1].Uri.AbsolutePath, handler.Requests[1].Uri.Query));
        Assert.Equal((HttpMethod.Put, "/booking/v1/reservation-actions/ABCDEFGH-1/book-service"), (handler.Requests[2].Method, handler.Requests[2].Uri.AbsolutePath));
        Json.AssertEquivalent("""{"serviceId":"MUC-BRKF","count":2}""", System.Text.Json.Nodes.JsonNode.Parse(handler.Requests[2].Body!)!);
    }

    [Fact]
    public async Task Inventory_rate_plans_availability_and_services_use_their_apis_paths()
    {
        handler.Answer(HttpStatusCode.OK, """{"id":"MUC","name":{"en":"Demo"},"timeZone":"Europe/Berlin","currencyCode":"EUR"}""");
        var client = handler.CreateClient();

        var property = await ApaleoRefit.For<IApaleoInventoryApi>(client).GetPropertyAsync("MUC", cancellationToken: TestContext.Current.CancellationToken);
        await ApaleoRefit.For<IApaleoInventoryApi>(client).GetUnitGroupsAsync("MUC", ["BedRoom"], 1, 200, TestContext.Current.CancellationToken);
        await ApaleoRefit.For<IApaleoRatePlanApi>(client).GetRatePlansAsync("MUC", null, false, 1, 200, ["cancellationPolicy"], TestContext.Current.CancellationToken);
        await ApaleoRefit.For<IApaleoRatePlanApi>(client).GetServicesAsync("MUC", true, ["Direct"], 1, 200, TestContext.Current.CancellationToken);
        var (from, to) = ApaleoAvailabilityMapper.ToQueryRange(new AvailabilityRequest(new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 12)));
        await ApaleoRefit.For<IApaleoAvailabilityApi>(client).GetUnitGroupAvailabilityAsync("MUC", from, to, null, ApaleoQueryValues.OverNight, null, 1, 200, TestContext.Current.CancellationToken);

        Assert.Equal("Demo", ApaleoInventoryMapper.ToProperty(property.Content!).Name);
        Assert.Equal(
            [
                "/inventory/v1/properties/MUC?",
                "/inventory/v1/unit-groups?pageNumber=1&pageSize=200&propertyId=MUC&unitGroupTypes=BedRoom",
                "/rateplan/v1/rate-plans?expand=cancellationPolicy&includeArchived=false&pageNumber=1&pageSize=200&propertyId=MUC",
                "/rateplan/v1/services?channelCodes=Direct&onlySoldAsExtras=true&pageNumber=1&pageSize=200&propertyId=MUC",
                "/availability/v1/unit-groups?from=2025-03-10&pageNumber=1&pageSize=200&propertyId=MUC&timeSliceTemplate=OverNight&to=2025-03-11",
            ],
            handler.Requests.Select(r => r.Uri.AbsolutePath + "?" + string.Join("&", r.Query.OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => $"{q.Key}={q.Value}"))));
    }

    [Fact]
    public async Task Webhook_subscriptions_are_listed_created_and_deleted_on_the_webhook_api()
    {
        handler.Answer(HttpStatusCode.Created, """{"id":"sub-1"}""")
            .Answer(HttpStatusCode.OK, """[{"id":"sub-1","endpointUrl":"https://hooks.example.com/apaleo?token=t","events":["reservation/*"],"propertyIds":["MUC"]}]""")
            .Answer(HttpStatusCode.NoContent);
        var api = ApaleoRefit.For<IApaleoWebhookApi>(handler.CreateClient());

        var created = await api.CreateSubscriptionAsync(
            new CreateSubscriptionModel { EndpointUrl = "https://hooks.example.com/apaleo?token=t", Events = ["reservation/*"], PropertyIds = ["MUC"] },
            TestContext.Current.CancellationToken);
        var listed = await api.GetSubscriptionsAsync(TestContext.Current.CancellationToken);
        await api.DeleteSubscriptionAsync("sub-1", TestContext.Current.CancellationToken);

        Assert.Equal((HttpMethod.Post, "/v1/subscriptions"), (handler.Requests[0].Method, handler.Requests[0].Uri.AbsolutePath));
        Json.AssertEquivalent("""{"endpointUrl":"https://hooks.example.com/apaleo?token=t","events":["reservation/*"],"propertyIds":["MUC"]}""", System.Text.Json.Nodes.JsonNode.Parse(handler.Requests[0].Body!)!);
        Assert.Equal("sub-1", created.Content!.Id);
        Assert.Equal(["reservation/*"], Assert.Single(listed.Content!).Events!);
        Assert.Equal((HttpMethod.Delete, "/v1/subscriptions/sub-1"), (handler.Requests[2].Method, handler.Requests[2].Uri.AbsolutePath));
    }
}
