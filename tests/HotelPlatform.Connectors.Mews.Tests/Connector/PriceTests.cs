using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Mews;

namespace HotelPlatform.Connectors.Mews.Tests.Connector;

/// <summary>Reservation prices from the nights' SpaceOrder order items; quotes priced for the party with reservations/price.</summary>
public sealed class PriceTests : MewsHarness
{
    [Fact]
    public async Task A_booked_stay_is_priced_night_by_night_as_it_was_quoted_for_its_party()
    {
        var arrival = Seeded.Today.AddDays(25);
        var party = new QuoteRequest(arrival, arrival.AddDays(3), Adults: 2) { ChildrenAges = [6], RoomTypeIds = [Seeded.DoubleCategoryId], RatePlanId = Seeded.FlexibleRateId };
        var quote = Assert.Single(await Connector.QuoteAsync(party, Ct));

        var booked = await Connector.CreateReservationAsync(Draft(arrival, nights: 3) with { Adults = 2, ChildrenAges = [6], Services = [new ServiceOrder(Seeded.BreakfastProductId)] }, Ct);
        var read = await Connector.GetReservationAsync(booked.VendorId, Ct);

        Assert.Equal(quote.Nights, read.NightlyRates);
        var breakfast = Assert.Single(read.Services);
        Assert.Equal(quote.Total + breakfast.Total!.Value, read.Total);
        var orderItems = Requests("orderItems/getAll").Last().ReadBodyAsJson()!;
        Assert.Equal(["SpaceOrder", "ProductOrder"], orderItems["Types"]!.AsArray().Select(t => (string?)t));
    }

    [Fact]
    public async Task A_cancelled_stay_keeps_no_nightly_prices_because_Mews_cancels_its_nights()
    {
        var booked = await Connector.CreateReservationAsync(Draft(Seeded.Today.AddDays(26), nights: 2), Ct);

        var cancelled = await Connector.CancelReservationAsync(booked.VendorId, "plans changed", Ct);

        Assert.NotEmpty(booked.NightlyRates);
        Assert.Empty(cancelled.NightlyRates);
        Assert.Null(cancelled.Total);
    }

    [Fact]
    public async Task A_reservation_read_fails_as_unavailable_when_its_order_items_cannot_be_read()
    {
        var booked = await Connector.CreateReservationAsync(Draft(Seeded.Today.AddDays(27)), Ct);
        Simulator.Faults.Enqueue(SimulatedFault.ServerError(503), "POST", MewsSimulator.ApiPrefix + "orderItems/getAll", times: null);

        await Assert.ThrowsAnyAsync<PmsUnavailableException>(() => Connector.GetReservationAsync(booked.VendorId, Ct));
    }

    [Fact]
    public async Task Quotes_cost_more_for_more_adults_and_children_because_Mews_prices_the_party()
    {
        var arrival = Seeded.Today.AddDays(28);
        QuoteRequest For(int adults, params int[] children) =>
            new(arrival, arrival.AddDays(2), adults) { ChildrenAges = children, RoomTypeIds = [Seeded.DoubleCategoryId], RatePlanId = Seeded.FlexibleRateId };

        var one = Assert.Single(await Connector.QuoteAsync(For(1), Ct));
        var two = Assert.Single(await Connector.QuoteAsync(For(2), Ct));
        var family = Assert.Single(await Connector.QuoteAsync(For(2, 4), Ct));

        Assert.True(two.Total.Amount > one.Total.Amount, $"2 adults cost {two.Total}, 1 adult {one.Total}.");
        Assert.True(family.Total.Amount > two.Total.Amount, $"2 adults and a child cost {family.Total}, 2 adults {two.Total}.");
        Assert.Equal(family.Total.Amount, family.Nights.Sum(n => n.Amount.Amount));
        var priced = Requests("reservations/price").Last().ReadBodyAsJson()!["Reservations"]!.AsArray();
        Assert.Equal(2, priced.Count);
        Assert.All(priced, r => Assert.Equal([2, 1], r!["PersonCounts"]!.AsArray().Select(p => (int)p!["Count"]!)));
    }

    [Fact]
    public async Task A_quote_fails_as_unavailable_when_Mews_cannot_price_the_party()
    {
        var arrival = Seeded.Today.AddDays(29);
        Simulator.Faults.Enqueue(SimulatedFault.ServerError(500), "POST", MewsSimulator.ApiPrefix + "reservations/price", times: null);

        await Assert.ThrowsAnyAsync<PmsUnavailableException>(() => Connector.QuoteAsync(new QuoteRequest(arrival, arrival.AddDays(1), 2), Ct));
    }
}
