using HotelPlatform.Connectors.Apaleo.Mapping;
using HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;

namespace HotelPlatform.Connectors.Apaleo.Tests.Mapping;

/// <summary>ReservationChanges → JSON Patch (non-stay members) and DesiredStayDetailsModel (amend).</summary>
public sealed class ChangeMappingTests
{
    [Fact]
    public void Comments_are_added_and_an_empty_comment_is_removed()
    {
        var operations = ApaleoChangeMapper.ToPatchOperations(new ReservationChanges { Comment = "Arrives late", GuestComment = string.Empty });

        Json.AssertEquivalent(
            """[{"op":"add","path":"/comment","value":"Arrives late"},{"op":"remove","path":"/guestComment"}]""",
            Json.Write(operations, Json.Context.JsonPatchOperationArray));
    }

    [Fact]
    public void A_new_primary_guest_replaces_the_whole_guest_keeping_what_the_normalised_model_does_not_hold()
    {
        var current = RequestSamples.CurrentReservation().PrimaryGuest;
        var changes = new ReservationChanges
        {
            PrimaryGuest = new GuestProfile("Musterfrau") { Email = "new@example.com", Address = new PostalAddress("DE") { Line1 = "Neue Straße 3" } },
        };

        var operation = Assert.Single(ApaleoChangeMapper.ToPatchOperations(changes, current));

        Json.AssertEquivalent(
            """
            {
              "op": "replace", "path": "/primaryGuest",
              "value": {
                "title": "Ms", "gender": "Female", "firstName": "Erika", "lastName": "Musterfrau", "email": "new@example.com",
                "address": { "addressLine1": "Neue Straße 3", "city": "München", "regionCode": "BY", "countryCode": "DE" },
                "birthDate": "1980-05-17", "loyaltyNumber": "L-99"
              }
            }
            """,
            Json.Write(operation, Json.Context.JsonPatchOperation));
    }

    [Fact]
    public void Stay_changes_produce_no_patch_and_guest_changes_no_amend()
    {
        var current = RequestSamples.CurrentReservation();

        Assert.Empty(ApaleoChangeMapper.ToPatchOperations(new ReservationChanges { Adults = 2 }));
        Assert.Null(ApaleoChangeMapper.ToDesiredStay(new ReservationChanges { Comment = "x" }, current));
    }

    [Fact]
    public void An_extended_stay_keeps_each_nights_rate_plan_and_gives_new_nights_the_reservations_plan()
    {
        var current = RequestSamples.CurrentReservation();

        var stay = ApaleoChangeMapper.ToDesiredStay(new ReservationChanges { Departure = new DateOnly(2025, 3, 13), Adults = 2 }, current, Zones.Berlin)!;

        Json.AssertEquivalent(
            """
            {
              "arrival": "2025-03-10", "departure": "2025-03-13", "adults": 2,
              "timeSlices": [ { "ratePlanId": "MUC-FLEX-DBL" }, { "ratePlanId": "MUC-PROMO-DBL" }, { "ratePlanId": "MUC-FLEX-DBL" } ]
            }
            """,
            Json.Write(stay, Json.Context.DesiredStayDetailsModel));
    }

    [Fact]
    public void A_new_rate_plan_applies_to_every_night_and_children_ages_are_sent()
    {
        var current = RequestSamples.CurrentReservation();

        var stay = ApaleoChangeMapper.ToDesiredStay(
            new ReservationChanges { Arrival = new DateOnly(2025, 3, 11), RoomTypeId = "MUC-SGL", RatePlanId = "MUC-FLEX-SGL", ChildrenAges = [3] },
            current)!;

        Assert.Equal((new DateOnly(2025, 3, 11), new DateOnly(2025, 3, 12), 1), (stay.Arrival, stay.Departure, stay.Adults));
        Assert.Equal([3], stay.ChildrenAges!);
        Assert.Equal(["MUC-FLEX-SGL"], stay.TimeSlices.Select(t => t.RatePlanId));
        Assert.Null(stay.Requote);
    }

    [Fact]
    public void A_room_type_change_without_a_rate_plan_is_refused_because_apaleo_rate_plans_sell_one_unit_group()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            ApaleoChangeMapper.ToDesiredStay(new ReservationChanges { RoomTypeId = "MUC-SGL" }, RequestSamples.CurrentReservation()));

        Assert.Contains("RatePlanId", exception.Message, StringComparison.Ordinal);
        Assert.NotNull(ApaleoChangeMapper.ToDesiredStay(new ReservationChanges { RoomTypeId = "MUC-DBL" }, RequestSamples.CurrentReservation()));
    }

    [Fact]
    public void Changed_dates_that_leave_no_night_are_refused()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            ApaleoChangeMapper.ToDesiredStay(new ReservationChanges { Arrival = new DateOnly(2025, 3, 12) }, RequestSamples.CurrentReservation()));

        Assert.Contains("2025-03-12", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_amendment_is_applied_when_dates_occupancy_and_every_nights_rate_plan_match()
    {
        var current = RequestSamples.CurrentReservation();
        var keep = ApaleoChangeMapper.ToDesiredStay(new ReservationChanges { Adults = 1 }, current, Zones.Berlin)!;
        var longer = ApaleoChangeMapper.ToDesiredStay(new ReservationChanges { Departure = new DateOnly(2025, 3, 13) }, current, Zones.Berlin)!;
        var otherPlan = ApaleoChangeMapper.ToDesiredStay(new ReservationChanges { RatePlanId = "MUC-FLEX-DBL" }, current, Zones.Berlin)!;

        Assert.True(ApaleoChangeMapper.IsApplied(keep, current, Zones.Berlin));
        Assert.False(ApaleoChangeMapper.IsApplied(longer, current, Zones.Berlin));
        Assert.False(ApaleoChangeMapper.IsApplied(otherPlan, current, Zones.Berlin)); // the second night is on MUC-PROMO-DBL
        Assert.False(ApaleoChangeMapper.IsApplied(keep with { ChildrenAges = [5] }, current, Zones.Berlin));
    }

    [Fact]
    public void A_patch_is_applied_when_comments_and_the_given_guest_details_are_there()
    {
        var current = RequestSamples.CurrentReservation() with { Comment = "Late" };

        Assert.True(ApaleoChangeMapper.IsPatchApplied(new ReservationChanges { Comment = "Late", GuestComment = string.Empty }, current));
        Assert.True(ApaleoChangeMapper.IsPatchApplied(new ReservationChanges { PrimaryGuest = new GuestProfile("Musterfrau") { FirstName = "Erika" } }, current));
        Assert.False(ApaleoChangeMapper.IsPatchApplied(new ReservationChanges { Comment = string.Empty }, current));
        Assert.False(ApaleoChangeMapper.IsPatchApplied(new ReservationChanges { PrimaryGuest = new GuestProfile("Musterfrau") { Email = "new@example.com" } }, current));
    }
}
