using HotelPlatform.Connectors.Apaleo.Wire;

namespace HotelPlatform.Connectors.Apaleo.Mapping;

/// <summary>Maps Apaleo's extras (services): offers, the catalogue, booked services, and orders to book.</summary>
internal static class ApaleoServiceMapper
{
    /// <summary>
    /// Apaleo's <c>pricingUnit</c> → <see cref="ServicePricingUnit"/>. Apaleo posts and prices a service per service
    /// date (each <c>dates[]</c> entry of an offer has its own amount), "per room" or "per person"; so Room → PerNight
    /// and Person → PerPersonPerNight. A missing unit (optional in rateplan-v1 list items) is taken as Room.
    /// </summary>
    /// <param name="pricingUnit">Room or Person.</param>
    /// <returns>The normalised unit.</returns>
    public static ServicePricingUnit ToPricingUnit(string? pricingUnit) =>
        string.Equals(pricingUnit, "Person", StringComparison.Ordinal) ? ServicePricingUnit.PerPersonPerNight : ServicePricingUnit.PerNight;

    /// <summary>
    /// booking-v1 <c>ServiceOffersModel</c> → <see cref="ServiceOffer"/>s: the unit price is the service's
    /// <c>defaultGrossPrice</c> (the price of one unit), the total is Apaleo's <c>totalAmount.grossAmount</c> for the
    /// stay or reservation asked about, the dates are the <c>dates[].serviceDate</c> it can be delivered on.
    /// </summary>
    /// <param name="model">The answer, or <see langword="null"/> for a 204.</param>
    /// <returns>The offers.</returns>
    public static IReadOnlyList<ServiceOffer> ToServiceOffers(ServiceOffersModel? model) =>
        model is null ? [] : [.. model.Services.Select(ToServiceOffer)];

    /// <summary>One booking-v1 <c>ServiceOfferModel</c> → <see cref="ServiceOffer"/>.</summary>
    /// <param name="offer">The offer.</param>
    /// <returns>The normalised offer.</returns>
    public static ServiceOffer ToServiceOffer(ServiceOfferModel offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var service = offer.Service;
        var unitPrice = service.DefaultGrossPrice is { } price
            ? ApaleoValues.ToMoney(price)
            : UnitPriceFromDates(offer);
        return new ServiceOffer(service.Id, ApaleoValues.FirstText(service.Name, service.Code, service.Id)!, unitPrice)
        {
            Description = service.Description,
            PricingUnit = ToPricingUnit(service.PricingUnit),
            Total = ApaleoValues.ToMoney(offer.TotalAmount.GrossAmount, offer.TotalAmount.Currency),
            AvailableDates = [.. offer.Dates.Select(d => d.ServiceDate).Distinct().Order()],
        };
    }

    /// <summary>
    /// rateplan-v1 catalogue item → <see cref="ServiceOffer"/>, for a stay whose rate plan is not known (the
    /// booking-v1 service-offers endpoint requires one): the default price only, no total, no dates.
    /// </summary>
    /// <param name="item">The catalogue item.</param>
    /// <returns>The offer.</returns>
    public static ServiceOffer ToServiceOffer(ServiceItemModel item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new ServiceOffer(item.Id, ApaleoValues.FirstText(item.Name, item.Code, item.Id)!, ApaleoValues.ToMoney(item.DefaultGrossPrice))
        {
            Description = item.Description,
            PricingUnit = ToPricingUnit(item.PricingUnit),
        };
    }

    /// <summary>
    /// booking-v1 <c>ReservationServiceItemModel</c> → <see cref="ReservationService"/>: the quantity is the largest
    /// per-date <c>count</c> (Apaleo books a count per service date), the total is <c>totalAmount.grossAmount</c>.
    /// </summary>
    /// <param name="item">The booked service.</param>
    /// <returns>The normalised service.</returns>
    public static ReservationService ToReservationService(ReservationServiceItemModel item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var service = item.Service;
        return new ReservationService(
            service.Id,
            ApaleoValues.FirstText(service.Name, service.Code, service.Id)!,
            item.Dates.Count == 0 ? 0 : item.Dates.Max(d => d.Count))
        {
            Total = ApaleoValues.ToMoney(item.TotalAmount.GrossAmount, item.TotalAmount.Currency),
            Dates = [.. item.Dates.Select(d => d.ServiceDate).Distinct().Order()],
        };
    }

    /// <summary>
    /// <see cref="ServiceOrder"/> → booking-v1 <c>BookReservationServiceModel</c>. The quantity is always sent as
    /// <c>count</c> ("the number of services to book for each service date"), so a Person-priced extra is booked for
    /// exactly the number of persons asked for instead of Apaleo's default. No dates means "the default service
    /// pattern ... (e.g. whole stay)".
    /// </summary>
    /// <remarks>
    /// Booking a service with dates <em>sets</em> its dates: "when dates are specified, all desired dates must be
    /// specified or they will be removed if not posted to the folio" (booking-v1, book-service). An order is an
    /// addition, so the dates the reservation already has for the service (<paramref name="booked"/>) are sent again
    /// with their own counts; only the ordered dates get the ordered quantity. Nothing booked before is removed.
    /// </remarks>
    /// <param name="order">The order.</param>
    /// <param name="booked">The same service as the reservation already has it, or <see langword="null"/>.</param>
    /// <returns>The wire model.</returns>
    public static BookReservationServiceModel ToBookService(ServiceOrder order, ReservationServiceItemModel? booked = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Dates.Count == 0)
        {
            return new BookReservationServiceModel { ServiceId = order.ServiceId, Count = order.Quantity };
        }

        var ordered = order.Dates.ToHashSet();
        var kept = (booked?.Dates ?? [])
            .Where(d => !ordered.Contains(d.ServiceDate))
            .Select(d => new BookServiceDateModel { ServiceDate = d.ServiceDate, Count = d.Count });
        var added = ordered.Select(d => new BookServiceDateModel { ServiceDate = d, Count = booked is null ? null : order.Quantity });
        return new BookReservationServiceModel
        {
            ServiceId = order.ServiceId,
            Count = order.Quantity,
            Dates = [.. kept.Concat(added).OrderBy(d => d.ServiceDate)],
        };
    }

    /// <summary>
    /// Whether the reservation already has the order: the service booked with the ordered quantity on every ordered date
    /// (on every date it has, for an order without dates). The connector asks this before it sends an order again whose
    /// first sending may have been applied, and when Apaleo refuses it.
    /// </summary>
    /// <param name="order">The order.</param>
    /// <param name="model">The reservation, read with <c>expand=services</c>.</param>
    /// <returns><see langword="true"/> when nothing is left to book.</returns>
    public static bool IsBooked(ServiceOrder order, ReservationModel model)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(model);
        var booked = (model.Services ?? []).FirstOrDefault(s => string.Equals(s.Service.Id, order.ServiceId, StringComparison.Ordinal));
        if (booked is null || booked.Dates.Count == 0)
        {
            return false;
        }

        var counts = booked.Dates.GroupBy(d => d.ServiceDate).ToDictionary(g => g.Key, g => g.Max(d => d.Count));
        return order.Dates.Count == 0
            ? counts.Values.All(count => count == order.Quantity)
            : order.Dates.All(date => counts.TryGetValue(date, out var count) && count == order.Quantity);
    }

    private static Money UnitPriceFromDates(ServiceOfferModel offer)
    {
        // defaultGrossPrice is required by booking-v1; should it be missing, one date's amount per counted unit is the price.
        var amount = offer.Dates.FirstOrDefault(d => d.Amount is not null)?.Amount
                     ?? throw new PmsException($"Apaleo offered service '{offer.Service.Id}' without a default price or a dated amount.") { Vendor = PmsVendors.Apaleo };
        return ApaleoValues.ToMoney(offer.Count > 0 ? amount.GrossAmount / offer.Count : amount.GrossAmount, amount.Currency);
    }
}
