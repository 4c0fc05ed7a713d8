namespace HotelPlatform.Connectors.ContractTests;

/// <summary>Extras: offers and adding them to a reservation (<see cref="ConnectorCapabilities.ServiceOffers"/>, <see cref="ConnectorCapabilities.AddService"/>); books in nights 35 to 37 of the window.</summary>
/// <typeparam name="TFixture">The connector author's fixture.</typeparam>
/// <param name="fixture">The fixture.</param>
[ContractTestArea("Service", ConnectorCapabilities.ServiceOffers | ConnectorCapabilities.AddService)]
public abstract class ServiceContractTests<TFixture>(TFixture fixture) : PmsContractTestBase<TFixture>(fixture)
    where TFixture : PmsContractFixture
{
    /// <inheritdoc />
    protected override int BandOffset => 35;

    /// <summary>The offers for a stay not yet booked include the scenario's extra, priced in a known currency.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Offers_for_a_stay_include_the_known_service()
    {
        RequireCapabilities(ConnectorCapabilities.ServiceOffers);
        var serviceId = RequireScenario(Scenario.ServiceId, nameof(PmsContractScenario.ServiceId));

        var offers = await Connector.GetServiceOffersAsync(ServiceOfferRequest.ForStay(Night(0), Night(2), adults: 1, Scenario.RatePlanId), TestCancellation);

        var offer = Assert.Single(offers, o => o.ServiceId == serviceId);
        Assert.False(string.IsNullOrWhiteSpace(offer.Name), "The extra has a name.");
        Assert.True(offer.UnitPrice.Amount >= 0, "The extra's price is not negative.");
        Assert.True(CurrencyCodes.IsKnown(offer.UnitPrice.Currency), "The extra is priced in an ISO 4217 currency.");
        Assert.True(offer.Total is null || offer.Total.Value.Currency == offer.UnitPrice.Currency, "The total is in the unit price's currency.");
        // The departure day belongs to the stay: an extra served the morning after each night (Apaleo posts breakfast
        // that way) is delivered on the day the guest leaves.
        Assert.All(offer.AvailableDates, d => Assert.True(d >= Night(0) && d <= Night(2), $"The extra is offered on {Iso(d)}, outside the stay (arrival to departure day)."));
        Assert.Equal(offers.Count, offers.Select(o => o.ServiceId).Distinct(StringComparer.Ordinal).Count());
        await VerifyRequestsAsync();
    }

    /// <summary>The offers for a booked reservation include the scenario's extra.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Offers_for_a_reservation_include_the_known_service()
    {
        RequireCapabilities(ConnectorCapabilities.ServiceOffers | ConnectorCapabilities.CreateReservation);
        var serviceId = RequireScenario(Scenario.ServiceId, nameof(PmsContractScenario.ServiceId));
        var reservation = await BookAsync(NewDraft(nightOffset: 0, nights: 2));

        var offers = await Connector.GetServiceOffersAsync(ServiceOfferRequest.ForReservation(reservation.VendorId), TestCancellation);

        Assert.Contains(offers, o => o.ServiceId == serviceId);
        await VerifyRequestsAsync();
    }

    /// <summary>Offers for a reservation that does not exist throw <see cref="PmsNotFoundException"/>.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Offers_for_an_unknown_reservation_throw_PmsNotFoundException()
    {
        RequireCapabilities(ConnectorCapabilities.ServiceOffers);

        await Assert.ThrowsAnyAsync<PmsNotFoundException>(() => Connector.GetServiceOffersAsync(ServiceOfferRequest.ForReservation(Scenario.UnknownReservationId), TestCancellation));
        await VerifyRequestsAsync();
    }

    /// <summary>An extra added to a reservation is listed on it, in the returned reservation and when read back.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Adding_a_service_lists_it_on_the_reservation()
    {
        RequireCapabilities(ConnectorCapabilities.AddService | ConnectorCapabilities.CreateReservation);
        var serviceId = RequireScenario(Scenario.ServiceId, nameof(PmsContractScenario.ServiceId));
        var reservation = await BookAsync(NewDraft(nightOffset: 0, nights: 2));

        var updated = await Connector.AddServiceAsync(reservation.VendorId, new ServiceOrder(serviceId) { Quantity = 1 }, TestCancellation);

        Assert.Equal(reservation.VendorId, updated.VendorId);
        var line = Assert.Single(updated.Services, s => s.ServiceId == serviceId);
        Assert.True(line.Quantity >= 1, "The extra was added at least once.");
        Assert.True(
            reservation.Total is null || updated.Total is null || updated.Total.Value.Amount >= reservation.Total.Value.Amount,
            "Adding an extra does not make the reservation cheaper.");
        if (Connector.Supports(ConnectorCapabilities.ReadReservations))
        {
            Assert.Contains((await Connector.GetReservationAsync(reservation.VendorId, TestCancellation)).Services, s => s.ServiceId == serviceId);
        }

        await VerifyRequestsAsync();
    }

    /// <summary>An extra booked with the stay is listed on the new reservation.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Booking_with_a_service_lists_it_on_the_reservation()
    {
        RequireCapabilities(ConnectorCapabilities.AddService | ConnectorCapabilities.CreateReservation);
        var serviceId = RequireScenario(Scenario.ServiceId, nameof(PmsContractScenario.ServiceId));

        var reservation = await BookAsync(NewDraft(nightOffset: 1, nights: 1) with { Services = [new ServiceOrder(serviceId)] });

        Assert.Contains(reservation.Services, s => s.ServiceId == serviceId);
        await VerifyRequestsAsync();
    }

    /// <summary>Adding an extra to a reservation that does not exist throws <see cref="PmsNotFoundException"/>.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Adding_a_service_to_an_unknown_reservation_throws_PmsNotFoundException()
    {
        RequireCapabilities(ConnectorCapabilities.AddService);
        var serviceId = RequireScenario(Scenario.ServiceId, nameof(PmsContractScenario.ServiceId));

        await Assert.ThrowsAnyAsync<PmsNotFoundException>(() => Connector.AddServiceAsync(Scenario.UnknownReservationId, new ServiceOrder(serviceId), TestCancellation));
        await VerifyRequestsAsync();
    }

    /// <summary>Adding an extra the PMS does not sell is refused by the vendor (<see cref="PmsValidationException"/> or <see cref="PmsNotFoundException"/>) and changes nothing.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public virtual async Task Adding_an_unknown_service_is_refused()
    {
        RequireCapabilities(ConnectorCapabilities.AddService | ConnectorCapabilities.CreateReservation);
        var reservation = await BookAsync(NewDraft(nightOffset: 2, nights: 1));

        var ex = await Assert.ThrowsAnyAsync<PmsException>(() => Connector.AddServiceAsync(reservation.VendorId, new ServiceOrder(Scenario.UnknownServiceId), TestCancellation));

        Assert.True(ex is PmsValidationException or PmsNotFoundException, $"An unknown extra is a PmsValidationException or PmsNotFoundException, not {ex.GetType().Name}.");
        if (Connector.Supports(ConnectorCapabilities.ReadReservations))
        {
            Assert.Empty((await Connector.GetReservationAsync(reservation.VendorId, TestCancellation)).Services);
        }

        await VerifyRequestsAsync();
    }
}
