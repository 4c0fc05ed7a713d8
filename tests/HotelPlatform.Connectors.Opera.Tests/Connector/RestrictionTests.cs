using HotelPlatform.Connectors.Opera.Mapping;
using HotelPlatform.Connectors.Opera.Wire;

namespace HotelPlatform.Connectors.Opera.Tests.Connector;

/// <summary>par restrictions: which show in the per-room-type grid, and that quotes and bookings respect them all.</summary>
public sealed class RestrictionTests
{
    private static readonly DateOnly Arrival = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(50);

    [Fact]
    public async Task A_house_closure_shows_on_every_room_type_and_a_room_type_restriction_only_on_its_own()
    {
        await using var host = await OperaTestHost.StartAsync(["LDN01"]);
        host.Simulator.SetRestriction("LDN01", Arrival.AddDays(1), Arrival.AddDays(1), "Closed");
        host.Simulator.SetRestriction("LDN01", Arrival, Arrival.AddDays(1), "ClosedForArrival", roomType: "TWIN");
        host.Simulator.SetRestriction("LDN01", Arrival, Arrival, "MaximumLengthOfStay", 2, roomType: "TWIN");

        var grid = await host["LDN01"].GetAvailabilityAsync(new AvailabilityRequest(Arrival, Arrival.AddDays(3)), TestContext.Current.CancellationToken);

        var king = grid.RoomTypes.Single(r => r.RoomTypeId == "KING").Nights;
        var twin = grid.RoomTypes.Single(r => r.RoomTypeId == "TWIN").Nights;
        Assert.Equal([false, true, false], king.Select(n => n.Restrictions.Closed));
        Assert.Equal([false, false, false], king.Select(n => n.Restrictions.ClosedToArrival));
        Assert.Equal(new StayRestrictions { ClosedToArrival = true, MaxStay = 2 }, twin[0].Restrictions);
        Assert.Equal(new StayRestrictions { ClosedToArrival = true, Closed = true }, twin[1].Restrictions);
        Assert.False(twin[2].Restrictions.IsRestricted);
        Assert.Contains(host.Simulator.Requests, r => r.Path == "/par/v1/hotels/LDN01/restrictions" && r.GetQueryValue("restrictionSearchCriteriaStartDate") == OperaRefitDate(Arrival) && r.GetQueryValue("end") == OperaRefitDate(Arrival.AddDays(2)));
    }

    [Fact]
    public async Task A_rate_plan_restriction_stays_off_the_grid_but_removes_the_rate_from_quotes_and_refuses_the_booking()
    {
        await using var host = await OperaTestHost.StartAsync(["LDN01"]);
        var ct = TestContext.Current.CancellationToken;
        var connector = host["LDN01"];
        host.Simulator.SetRestriction("LDN01", Arrival, Arrival, "MinimumLengthOfStay", 3, roomType: "KING", ratePlanCode: "NONREF");

        var grid = await connector.GetAvailabilityAsync(new AvailabilityRequest(Arrival, Arrival.AddDays(1)) { RoomTypeIds = ["KING"] }, ct);
        var quotes = await connector.QuoteAsync(new QuoteRequest(Arrival, Arrival.AddDays(2), 1) { RoomTypeIds = ["KING"] }, ct);
        var longer = await connector.QuoteAsync(new QuoteRequest(Arrival, Arrival.AddDays(3), 1) { RoomTypeIds = ["KING"] }, ct);
        var refused = await Assert.ThrowsAsync<PmsConflictException>(() => connector.CreateReservationAsync(new ReservationDraft(Arrival, Arrival.AddDays(2), "KING", "NONREF", new GuestProfile("Noether")) { ClientReference = "rst-1" }, ct));

        Assert.False(Assert.Single(Assert.Single(grid.RoomTypes).Nights).Restrictions.IsRestricted);
        Assert.Equal(["BAR"], quotes.Select(q => q.RatePlanId));
        Assert.Equal(["BAR", "NONREF"], longer.Select(q => q.RatePlanId).Order());
        Assert.Equal(PmsConflictReason.NoAvailability, refused.Reason);
        Assert.Equal("RESTRICTED", refused.VendorErrorCode);
        Assert.Equal(0, host.Simulator.ReservationCount("LDN01"));
    }

    [Fact]
    public void A_set_counts_only_on_its_flagged_weekdays_and_sets_bound_to_a_rate_plan_category_channel_or_room_class_stay_off_the_grid()
    {
        var monday = new DateOnly(2026, 6, 1);
        RestrictionSet[] sets =
        [
            new() { RestrictionControl = new RestrictionControl { RoomType = "KING" }, RestrictionStatus = new RestrictionStatus("ClosedForDeparture", null), Start = monday, End = monday.AddDays(6), Saturday = true, Sunday = true },
            new() { RestrictionControl = new RestrictionControl { RoomType = "KING", RatePlanCategory = "PROMO" }, RestrictionStatus = new RestrictionStatus("Closed", null), Start = monday, End = monday.AddDays(6) },
            new() { RestrictionControl = new RestrictionControl { BookingChannelCode = "GDS" }, RestrictionStatus = new RestrictionStatus("Closed", null), Start = monday, End = monday.AddDays(6) },
            new() { RestrictionControl = new RestrictionControl { RoomClass = "STD" }, RestrictionStatus = new RestrictionStatus("Closed", null), Start = monday, End = monday.AddDays(6) },
            new() { RestrictionControl = new RestrictionControl { House = true }, RestrictionStatus = new RestrictionStatus("MinimumLengthOfStay", 2), Start = monday, End = monday },
            new() { RestrictionControl = new RestrictionControl { RoomType = "KING" }, RestrictionStatus = new RestrictionStatus("MinimumLengthOfStay", 4), Start = monday, End = monday },
            new() { RestrictionControl = new RestrictionControl { RoomType = "KING" }, RestrictionStatus = new RestrictionStatus("MinimumStayThrough", 5), Start = monday, End = monday },
        ];

        var week = Enumerable.Range(0, 7).Select(d => OperaRestrictions.ForRoomType(sets, "KING", monday.AddDays(d))).ToList();

        Assert.Equal([false, false, false, false, false, true, true], week.Select(r => r.ClosedToDeparture));
        Assert.All(week, r => Assert.False(r.Closed));
        Assert.Equal(4, week[0].MinStay);
        Assert.Equal(2, OperaRestrictions.ForRoomType(sets, "TWIN", monday).MinStay);
        Assert.False(OperaRestrictions.ForRoomType(sets, "TWIN", monday.AddDays(5)).IsRestricted);
    }

    private static string OperaRefitDate(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
