namespace HotelPlatform.Connectors.ContractTests;

/// <summary>Pricing a stay (<see cref="ConnectorCapabilities.Quotes"/>); reads nights 3 to 5 of the window, books nothing.</summary>
/// <typeparam name="TFixture">The connector author's fixture.</typeparam>
/// <param name="fixture">The fixture.</param>
[ContractTestArea("Quote", ConnectorCapabilities.Quotes)]
public abstract class QuoteContractTests<TFixture>(TFixture fixture) : PmsContractTestBase<TFixture>(fixture)
    where TFixture : PmsContractFixture
{
    /// <inheritdoc />
    protected override int BandOffset => 3;

    /// <summary>The scenario's room type and rate plan are quoted night by night, in one currency, for a positive total.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Quote_prices_the_scenario_room_type_night_by_night()
    {
        RequireCapabilities(ConnectorCapabilities.Quotes);
        var (arrival, departure) = (Night(0), Night(2));

        var quotes = await Connector.QuoteAsync(new QuoteRequest(arrival, departure, Adults: 1), TestCancellation);

        var quote = Assert.Single(quotes, q => q.RoomTypeId == Scenario.RoomTypeId && q.RatePlanId == Scenario.RatePlanId);
        DateOnly[] nights = [arrival, arrival.AddDays(1)];
        Assert.Equal(nights, quote.Nights.Select(n => n.Date));
        Assert.True(quote.Total.Amount > 0, $"The stay costs something; the total is {quote.Total}.");
        Assert.All(quote.Nights, n => Assert.True(n.Amount.Amount >= 0, $"The night of {Iso(n.Date)} has no negative price."));
        var currency = quote.Total.Currency;
        Assert.All(quote.Nights, n => Assert.Equal(currency, n.Amount.Currency));
        Assert.All(quote.Taxes, t => Assert.Equal(currency, t.Amount.Currency));
        Assert.All(quote.Fees, f => Assert.Equal(currency, f.Amount.Currency));
        Assert.True(quote.TotalBeforeTax is null || quote.TotalBeforeTax.Value.Currency == currency, "The total before tax is in the quote's currency.");
        Assert.True(quote.Available is null or >= 1, "A quoted room type has a room left when the quote says how many.");
        await VerifyRequestsAsync();
    }

    /// <summary>Quotes are in the property's currency.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Quotes_are_in_the_property_currency()
    {
        RequireCapabilities(ConnectorCapabilities.Quotes | ConnectorCapabilities.Inventory);
        var property = await Connector.GetPropertyAsync(TestCancellation);

        var quotes = await Connector.QuoteAsync(new QuoteRequest(Night(0), Night(1), Adults: 1), TestCancellation);

        Assert.NotEmpty(quotes);
        Assert.All(quotes, q => Assert.Equal(property.Currency, q.Total.Currency));
        await VerifyRequestsAsync();
    }

    /// <summary>The total is the sum of the nights plus the fees included in it, and taxes are included, not added.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Quote_total_is_the_nights_plus_the_included_fees()
    {
        RequireCapabilities(ConnectorCapabilities.Quotes);

        var quotes = await Connector.QuoteAsync(new QuoteRequest(Night(0), Night(2), Adults: 1) { RoomTypeIds = [Scenario.RoomTypeId], RatePlanId = Scenario.RatePlanId }, TestCancellation);

        var quote = Assert.Single(quotes);
        var expected = quote.Nights.Sum(n => n.Amount.Amount) + quote.Fees.Where(f => f.IncludedInTotal).Sum(f => f.Amount.Amount);

        // One minor unit per night and fee of rounding slack: vendors round per night or per stay.
        var tolerance = 0.01m * (quote.Nights.Count + quote.Fees.Count);
        Assert.InRange(quote.Total.Amount, expected - tolerance, expected + tolerance);
        Assert.True(quote.TotalBeforeTax is null || quote.TotalBeforeTax.Value.Amount <= quote.Total.Amount, "The total before tax is not more than the total.");
        await VerifyRequestsAsync();
    }

    /// <summary>A quote asked for one room type and one rate plan offers only that pair.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Quote_filtered_by_room_type_and_rate_plan_offers_only_that_pair()
    {
        RequireCapabilities(ConnectorCapabilities.Quotes);

        var quotes = await Connector.QuoteAsync(new QuoteRequest(Night(0), Night(1), Adults: 1) { RoomTypeIds = [Scenario.RoomTypeId], RatePlanId = Scenario.RatePlanId }, TestCancellation);

        var quote = Assert.Single(quotes);
        Assert.Equal(Scenario.RoomTypeId, quote.RoomTypeId);
        Assert.Equal(Scenario.RatePlanId, quote.RatePlanId);
        await VerifyRequestsAsync();
    }

    /// <summary>A cancellation policy, where quoted, lets the guest cancel free no later than the day after arrival.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Quoted_cancellation_deadline_is_not_after_the_stay_begins()
    {
        RequireCapabilities(ConnectorCapabilities.Quotes);
        var arrival = Night(0);

        var quotes = await Connector.QuoteAsync(new QuoteRequest(arrival, arrival.AddDays(1), Adults: 1), TestCancellation);

        Assert.NotEmpty(quotes);
        Assert.All(quotes, q =>
        {
            if (q.CancellationPolicy?.FreeCancellationUntil is { } deadline)
            {
                // A deadline after the arrival day's end would let a guest cancel a stay that has begun.
                Assert.True(deadline < new DateTimeOffset(arrival.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), $"Free cancellation of {q.RatePlanId} ends {deadline:O}, after the stay began on {Iso(arrival)}.");
            }
        });
        await VerifyRequestsAsync();
    }

    /// <summary>A quote for more guests than the room type sleeps offers nothing for that room type.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Quote_for_more_guests_than_the_room_sleeps_offers_nothing_for_it()
    {
        RequireCapabilities(ConnectorCapabilities.Quotes | ConnectorCapabilities.Inventory);
        var roomType = Assert.Single(await Connector.GetRoomTypesAsync(TestCancellation), r => r.VendorId == Scenario.RoomTypeId);
        SkipWhen(roomType.MaxOccupancy is null, $"GetRoomTypesAsync does not say how many persons room type {Scenario.RoomTypeId} sleeps (MaxOccupancy is null).");
        var sleeps = roomType.MaxOccupancy!.Value;
        SkipWhen(sleeps >= PmsArguments.MaxOccupancy, $"Room type {Scenario.RoomTypeId} sleeps {sleeps}: no valid request asks for more.");

        var quotes = await Connector.QuoteAsync(new QuoteRequest(Night(0), Night(1), Adults: sleeps + 1) { RoomTypeIds = [Scenario.RoomTypeId] }, TestCancellation);

        Assert.DoesNotContain(quotes, q => q.RoomTypeId == Scenario.RoomTypeId);
        await VerifyRequestsAsync();
    }

    /// <summary>A sold-out stay is not offered.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Sold_out_stay_is_not_offered()
    {
        RequireCapabilities(ConnectorCapabilities.Quotes);
        var stay = RequireScenario(Scenario.SoldOutStay, nameof(PmsContractScenario.SoldOutStay));

        var quotes = await Connector.QuoteAsync(new QuoteRequest(stay.Arrival, stay.Departure, Adults: 1) { RoomTypeIds = [stay.RoomTypeId] }, TestCancellation);

        Assert.DoesNotContain(quotes, q => q.RoomTypeId == stay.RoomTypeId);
        await VerifyRequestsAsync();
    }

    /// <summary>
    /// A stay its restrictions forbid is not offered on the restricted rate plan. Enforcing restrictions is part of quoting,
    /// so this needs <see cref="ConnectorCapabilities.Quotes"/> and the scenario's restriction, not
    /// <see cref="ConnectorCapabilities.Restrictions"/> (which says the grid shows them): a PMS such as Apaleo keeps
    /// restrictions per rate plan, cannot show them per room type, and still refuses to sell what they forbid.
    /// </summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Stay_forbidden_by_a_restriction_is_not_offered()
    {
        RequireCapabilities(ConnectorCapabilities.Quotes);
        var restriction = RequireScenario(Scenario.Restriction, nameof(PmsContractScenario.Restriction));
        var forbidden = restriction.ForbiddenStay()!;

        var quotes = await Connector.QuoteAsync(new QuoteRequest(forbidden.Arrival, forbidden.Departure, Adults: 1) { RoomTypeIds = [forbidden.RoomTypeId] }, TestCancellation);

        Assert.DoesNotContain(quotes, q => q.RoomTypeId == forbidden.RoomTypeId && q.RatePlanId == forbidden.RatePlanId);
        await VerifyRequestsAsync();
    }
}
