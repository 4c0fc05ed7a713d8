using System.Text.Json.Nodes;
using HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;
using WireMock.RequestBuilders;
using static HotelPlatform.Connectors.Apaleo.Tests.Infrastructure.ApaleoHarness;

namespace HotelPlatform.Connectors.Apaleo.Tests.Connector;

/// <summary>Changing, cancelling and adding extras: which Apaleo call, with what body, and how an unknown outcome is settled.</summary>
public sealed class ChangeTests
{
    private const string Id = "XPGMSXGF-1";
    private const string ReservationPath = "/booking/v1/reservations/" + Id;
    private const string AmendPath = "/booking/v1/reservation-actions/" + Id + "/amend";
    private const string CancelPath = "/booking/v1/reservation-actions/" + Id + "/cancel";
    private const string BookServicePath = "/booking/v1/reservation-actions/" + Id + "/book-service";

    private static IRequestBuilder Read() => Request.Create().WithPath(ReservationPath).UsingGet();

    private static List<string> Calls(ApaleoHarness harness) =>
        [.. harness.ApiRequests().Where(r => r.Uri.AbsolutePath.StartsWith("/booking/", StringComparison.Ordinal)).Select(r => $"{r.Method.Method} {r.Uri.AbsolutePath}")];

    [Fact]
    public async Task New_dates_and_occupancy_are_an_amendment_of_the_whole_desired_stay()
    {
        await using var harness = Start();
        harness.Sequence(
            Read,
            Responses.Json(ApaleoJson.Reservation(Id).ToJsonString()),
            Responses.Json(ApaleoJson.Reservation(Id, departure: "2025-03-15", adults: 3).ToJsonString()));
        harness.Stub(Request.Create().WithPath(AmendPath).UsingPut(), Responses.Status(204));

        var changed = await harness.Connector.ModifyReservationAsync(Id, new ReservationChanges { Departure = new DateOnly(2025, 3, 15), Adults = 3 }, Ct);

        Assert.Equal((new DateOnly(2025, 3, 15), 3), (changed.Departure, changed.Adults));
        Assert.Equal([$"GET {ReservationPath}", $"PUT {AmendPath}", $"GET {ReservationPath}"], Calls(harness));
        Json.AssertEquivalent(
            """{"arrival":"2025-03-12","departure":"2025-03-15","adults":3,"timeSlices":[{"ratePlanId":"MUC-FLEX-DBL"},{"ratePlanId":"MUC-FLEX-DBL"},{"ratePlanId":"MUC-FLEX-DBL"}]}""",
            JsonNode.Parse(Assert.Single(harness.Received(AmendPath)).Body!)!);
    }

    [Fact]
    public async Task Comments_and_guest_details_are_a_json_patch_sent_after_the_amendment()
    {
        await using var harness = Start();
        harness.Sequence(
            Read,
            Responses.Json(ApaleoJson.Reservation(Id).ToJsonString()),
            Responses.Json(ApaleoJson.Reservation(Id, adults: 1).ToJsonString()),
            Responses.Json(ApaleoJson.Reservation(Id, adults: 1, comment: "Late arrival", email: "new@example.com").ToJsonString()));
        harness.Stub(Request.Create().WithPath(AmendPath).UsingPut(), Responses.Status(204));
        harness.Stub(Request.Create().WithPath(ReservationPath).UsingPatch(), Responses.Status(204));

        var changed = await harness.Connector.ModifyReservationAsync(
            Id,
            new ReservationChanges { Adults = 1, Comment = "Late arrival", PrimaryGuest = new GuestProfile("Musterfrau") { Email = "new@example.com" } },
            Ct);

        Assert.Equal(("Late arrival", "new@example.com"), (changed.Comment, changed.PrimaryGuest.Email));
        Assert.Equal([$"GET {ReservationPath}", $"PUT {AmendPath}", $"GET {ReservationPath}", $"PATCH {ReservationPath}", $"GET {ReservationPath}"], Calls(harness));
        var patch = JsonNode.Parse(Assert.Single(harness.Received(ReservationPath, "PATCH")).Body!)!.AsArray();
        Assert.Equal(["add /comment", "replace /primaryGuest"], patch.Select(op => $"{op!["op"]} {op["path"]}"));
        Assert.Equal(("Erika", "new@example.com"), ((string?)patch[1]!["value"]!["firstName"], (string?)patch[1]!["value"]!["email"]));
    }

    [Fact]
    public async Task A_patch_whose_answer_was_lost_is_not_sent_again_when_the_reservation_already_shows_it()
    {
        await using var harness = Start();
        harness.Sequence(
            Read,
            Responses.Json(ApaleoJson.Reservation(Id).ToJsonString()),
            Responses.Json(ApaleoJson.Reservation(Id, comment: "Late arrival").ToJsonString()));
        harness.Stub(Request.Create().WithPath(ReservationPath).UsingPatch(), Responses.Status(500));

        var changed = await harness.Clock.CompleteAsync(harness.Connector.ModifyReservationAsync(Id, new ReservationChanges { Comment = "Late arrival" }, Ct));

        Assert.Equal("Late arrival", changed.Comment);
        Assert.Equal([$"GET {ReservationPath}", $"PATCH {ReservationPath}", $"GET {ReservationPath}"], Calls(harness));
    }

    [Fact]
    public async Task An_amendment_Apaleo_did_not_take_is_sent_again_and_one_it_refuses_for_lack_of_rooms_is_a_conflict()
    {
        await using var harness = Start();
        harness.Sequence(
            Read,
            Responses.Json(ApaleoJson.Reservation(Id).ToJsonString()),
            Responses.Json(ApaleoJson.Reservation(Id, departure: "2025-03-15").ToJsonString()));
        harness.Sequence(() => Request.Create().WithPath(AmendPath).UsingPut(), Responses.Status(503), Responses.Status(204));

        var changed = await harness.Clock.CompleteAsync(harness.Connector.ModifyReservationAsync(Id, new ReservationChanges { Departure = new DateOnly(2025, 3, 15) }, Ct));

        Assert.Equal(new DateOnly(2025, 3, 15), changed.Departure);
        Assert.Equal(2, harness.Received(AmendPath).Count);

        harness.Server.ResetMappings();
        harness.Stub(Request.Create().WithPath($"/inventory/v1/properties/{PropertyId}").UsingGet(), Responses.Json(ApaleoJson.Property(PropertyId)));
        harness.Stub(Read(), Responses.Json(ApaleoJson.Reservation(Id).ToJsonString()));
        harness.Stub(Request.Create().WithPath(AmendPath).UsingPut(), Responses.Messages(422, "The rate restrictions for this rate plan are not considered."));
        var conflict = await Assert.ThrowsAsync<PmsConflictException>(() => harness.Connector.ModifyReservationAsync(Id, new ReservationChanges { Departure = new DateOnly(2025, 3, 20) }, Ct));
        Assert.Equal(PmsConflictReason.NoAvailability, conflict.Reason);
    }

    [Fact]
    public async Task A_new_room_type_without_a_rate_plan_of_it_is_refused_before_anything_is_written()
    {
        await using var harness = Start();
        harness.Stub(Read(), Responses.Json(ApaleoJson.Reservation(Id).ToJsonString()));

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Connector.ModifyReservationAsync(Id, new ReservationChanges { RoomTypeId = "MUC-SGL" }, Ct));

        Assert.Equal([$"GET {ReservationPath}"], Calls(harness));
    }

    [Fact]
    public async Task A_confirmed_reservation_is_cancelled_through_the_reservation_action()
    {
        await using var harness = Start();
        harness.Stub(Request.Create().WithPath(CancelPath).UsingPut(), Responses.Status(204));
        harness.Stub(Read(), Responses.Json(ApaleoJson.Reservation(Id, status: "Canceled").ToJsonString()));

        var cancelled = await harness.Connector.CancelReservationAsync(Id, "Guest called", Ct);

        Assert.Equal((ReservationStatus.Cancelled, "Canceled"), (cancelled.Status, cancelled.RawStatus));
        Assert.Equal([$"PUT {CancelPath}", $"GET {ReservationPath}"], Calls(harness));
        Assert.True(string.IsNullOrEmpty(Assert.Single(harness.Received(CancelPath)).Body));
    }

    [Fact]
    public async Task Cancelling_a_cancelled_reservation_returns_it_and_an_in_house_one_is_a_conflict()
    {
        await using var harness = Start();
        harness.Stub(Request.Create().WithPath(CancelPath).UsingPut(), Responses.Messages(422, "Only reservations in status Confirmed can be canceled."));
        harness.Sequence(
            Read,
            Responses.Json(ApaleoJson.Reservation(Id, status: "Canceled").ToJsonString()),
            Responses.Json(ApaleoJson.Reservation(Id, status: "InHouse").ToJsonString()));

        var again = await harness.Connector.CancelReservationAsync(Id, cancellationToken: Ct);
        var conflict = await Assert.ThrowsAsync<PmsConflictException>(() => harness.Connector.CancelReservationAsync(Id, cancellationToken: Ct));

        Assert.Equal(ReservationStatus.Cancelled, again.Status);
        Assert.Equal((PmsConflictReason.InvalidState, "CancelReservation"), (conflict.Reason, conflict.Operation));
        Assert.Contains("Only reservations in status Confirmed", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_extra_for_some_nights_keeps_the_nights_the_reservation_already_has()
    {
        await using var harness = Start();
        harness.Sequence(
            Read,
            Responses.Json(ApaleoJson.Reservation(Id, services: [ApaleoJson.BookedService("MUC-BRKF", ("2025-03-13", 2))]).ToJsonString()),
            Responses.Json(ApaleoJson.Reservation(Id, services: [ApaleoJson.BookedService("MUC-BRKF", ("2025-03-12", 1), ("2025-03-13", 2))]).ToJsonString()));
        harness.Stub(Request.Create().WithPath(BookServicePath).UsingPut(), Responses.Status(204));

        var updated = await harness.Connector.AddServiceAsync(Id, new ServiceOrder("MUC-BRKF") { Dates = [new DateOnly(2025, 3, 12)] }, Ct);

        Assert.Equal([new DateOnly(2025, 3, 12), new DateOnly(2025, 3, 13)], Assert.Single(updated.Services).Dates);
        Json.AssertEquivalent(
            """{"serviceId":"MUC-BRKF","count":1,"dates":[{"serviceDate":"2025-03-12","count":1},{"serviceDate":"2025-03-13","count":2}]}""",
            JsonNode.Parse(Assert.Single(harness.Received(BookServicePath)).Body!)!);
    }

    [Fact]
    public async Task An_unknown_reservation_is_not_found_before_anything_is_written()
    {
        await using var harness = Start();
        harness.Stub(Read(), Responses.Status(404));

        var missing = await Assert.ThrowsAsync<PmsNotFoundException>(() => harness.Connector.AddServiceAsync(Id, new ServiceOrder("MUC-BRKF"), Ct));

        Assert.Equal(("Reservation", Id), (missing.EntityType, missing.EntityId));
        Assert.Empty(harness.Received(BookServicePath));
    }
}
