using System.Globalization;
using HotelPlatform.Connectors.Simulators.Apaleo.Wire;

namespace HotelPlatform.Connectors.Simulators.Apaleo.State;

/// <summary>Offers, service offers and the stay rules that bookings and amendments share with them.</summary>
internal sealed partial class ApaleoHotel
{
    /// <summary>The oldest a child may be (booking-v1 "ages of the children"; anyone older books as an adult).</summary>
    private const int MaxChildAge = 17;

    /// <summary>The rules on a stay's dates and occupancy that hold whatever is booked: the 422 messages, empty when it is valid.</summary>
    /// <param name="stay">The stay.</param>
    /// <param name="today">Today at the property.</param>
    /// <param name="checkArrival">Whether an arrival before today is refused (not for a guest already in house).</param>
    /// <returns>The messages.</returns>
    public static IReadOnlyList<string> CheckStay(StayQuery stay, DateOnly today, bool checkArrival = true)
    {
        var messages = new List<string>();
        if (stay.Departure <= stay.Arrival)
        {
            messages.Add($"The departure {Format(stay.Departure)} must be later than the arrival {Format(stay.Arrival)}.");
        }
        else if (stay.Departure > stay.Arrival.AddYears(5))
        {
            messages.Add("The departure cannot be more than 5 years after the arrival.");
        }

        if (checkArrival && stay.Arrival < today)
        {
            messages.Add($"The arrival {Format(stay.Arrival)} is in the past; today is {Format(today)} at the property.");
        }

        if (stay.Adults < 1)
        {
            messages.Add("At least one adult is required.");
        }

        if (stay.ChildrenAges.Any(age => age is < 0 or > MaxChildAge))
        {
            messages.Add($"The ages of children must be between 0 and {MaxChildAge.ToString(CultureInfo.InvariantCulture)}.");
        }

        return messages;
    }

    /// <summary>The answer of <c>GET /booking/v1/offers</c>: one offer per rate plan that can sell the stay, cheapest unit group first.</summary>
    public IReadOnlyList<OfferModel> Offers(StayQuery stay, OfferFilter filter, DateTimeOffset now)
    {
        lock (_gate)
        {
            var offers = new List<OfferModel>();
            foreach (RatePlanDef plan in Catalog.RatePlans)
            {
                if ((filter.UnitGroupIds.Count > 0 && !filter.UnitGroupIds.Contains(plan.UnitGroup.Id))
                    || (filter.UnitGroupTypes.Count > 0 && !filter.UnitGroupTypes.Contains(UnitGroupType.BedRoom))
                    || (filter.ChannelCode is { } channel && !plan.Channels.Contains(channel)))
                {
                    continue;
                }

                RatePlanDef[] nightPlans = [.. Enumerable.Repeat(plan, stay.Nights)];
                List<OfferValidationMessageModel> violations = Violations(nightPlans, stay, channel: null, except: null, claimed: null);
                if (violations.Any(v => v.Code == OfferValidationCode.RatesNotSet)
                    || (violations.Count > 0 && !filter.IncludeUnavailable))
                {
                    // Without rates there is nothing to price, so even includeUnavailable cannot show the offer.
                    continue;
                }

                offers.Add(Offer(plan, stay, violations, now));
            }

            return offers;
        }
    }

    /// <summary>The extras offered with a stay on a rate plan (<c>GET /booking/v1/service-offers</c> and the per-reservation variant).</summary>
    public IReadOnlyList<ServiceOfferModel> ServiceOffers(RatePlanDef plan, StayQuery stay, ChannelCode? channel, bool onlyDefaultDates)
    {
        var offers = new List<ServiceOfferModel>();
        foreach (ServiceDef service in Catalog.Services.Where(s => channel is not { } c || s.Channels.Contains(c)))
        {
            HashSet<DateOnly> defaults = [.. service.DefaultDates(stay.Arrival, stay.Departure)];
            IEnumerable<DateOnly> dates = onlyDefaultDates ? defaults.Order() : ServiceDef.PossibleDates(stay.Arrival, stay.Departure);
            int count = service.DefaultCount(stay.Adults, stay.ChildrenAges.Count);
            decimal perDate = service.Price * count;
            List<ServiceOfferItemModel> items = [.. dates.Select(d => new ServiceOfferItemModel(d, Catalog.ServiceAmount(service, perDate), defaults.Contains(d), IsMandatory: false))];
            if (items.Count == 0)
            {
                continue;
            }

            // The total is what booking the service without dates books: its default dates.
            decimal total = perDate * defaults.Count;
            offers.Add(new ServiceOfferModel(
                service.ToModel(Catalog.Currency),
                count,
                Catalog.ServiceAmount(service, total),
                Catalog.Money(plan.MinGuarantee == GuaranteeType.Prepayment ? total : 0m),
                items));
        }

        return offers;
    }

    /// <summary>The service offers for an existing reservation, or <see langword="null"/> when it does not exist.</summary>
    public IReadOnlyList<ServiceOfferModel>? ServiceOffers(string reservationId, ChannelCode? channel, bool onlyDefaultDates)
    {
        lock (_gate)
        {
            return _byId.TryGetValue(reservationId, out StoredReservation? r)
                ? ServiceOffers(r.RatePlan, new StayQuery(r.Arrival, r.Departure, r.Adults, r.ChildrenAges ?? []), channel, onlyDefaultDates)
                : null;
        }
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Why a stay cannot be sold on the given rate plan per night, as Apaleo's offer validation codes: rates not set,
    /// channel not sold, capacity exceeded, restrictions violated, unit group fully booked. <paramref name="claimed"/>
    /// counts units already taken by earlier reservations of the same booking.
    /// </summary>
    private List<OfferValidationMessageModel> Violations(
        IReadOnlyList<RatePlanDef> nightPlans, StayQuery stay, ChannelCode? channel, StoredReservation? except, IReadOnlyDictionary<(UnitGroupDef, DateOnly), int>? claimed)
    {
        var violations = new List<OfferValidationMessageModel>();
        for (int i = 0; i < nightPlans.Count; i++)
        {
            DateOnly night = stay.Arrival.AddDays(i);
            RatePlanDef plan = nightPlans[i];
            if (channel is { } c && !plan.Channels.Contains(c))
            {
                violations.Add(new(OfferValidationCode.RatePlanChannelNotSet, $"Rate plan '{plan.Id}' is not sold through the channel '{c}'."));
            }

            int taken = claimed?.GetValueOrDefault((plan.UnitGroup, night)) ?? 0;
            if (SellableLocked(plan.UnitGroup, night, except) - taken < 1)
            {
                violations.Add(new(OfferValidationCode.UnitGroupFullyBooked, $"Unit group '{plan.UnitGroup.Id}' is fully booked on {Format(night)}."));
            }
        }

        UnitGroupDef group = nightPlans[0].UnitGroup;
        if (stay.Persons > group.MaxPersons)
        {
            violations.Add(new(OfferValidationCode.UnitGroupCapacityExceeded, $"Unit group '{group.Id}' takes at most {group.MaxPersons.ToString(CultureInfo.InvariantCulture)} persons; {stay.Persons.ToString(CultureInfo.InvariantCulture)} were asked for."));
        }

        RateViolations(nightPlans, stay, violations);
        return violations;
    }

    private OfferModel Offer(RatePlanDef plan, StayQuery stay, List<OfferValidationMessageModel> violations, DateTimeOffset now)
    {
        List<DateOnly> nights = [.. Enumerable.Range(0, stay.Nights).Select(i => stay.Arrival.AddDays(i))];
        List<decimal> prices = [.. nights.Select(n => NightPriceLocked(plan, n))];
        List<int> available = [.. nights.Select(n => SellableLocked(plan.UnitGroup, n, null))];
        List<AmountModel> amounts = [.. prices.Select(Catalog.Accommodation)];
        UnitGroupDef group = plan.UnitGroup;
        return new OfferModel(
            Arrival: Catalog.CheckInAt(stay.Arrival),
            Departure: Catalog.CheckOutAt(stay.Departure),
            UnitGroup: new OfferUnitGroupModel(group.Id, group.Code, group.Name, group.Description, group.MaxPersons, group.Rank),
            MinGuaranteeType: plan.MinGuarantee,
            AvailableUnits: available.Min(),
            RatePlan: plan.ToEmbedded(),
            TotalGrossAmount: Catalog.Money(prices.Sum()),
            CancellationFee: new OfferCancellationFeeModel(
                plan.CancellationPolicy.Code, plan.CancellationPolicy.Name, plan.CancellationPolicy.Description, Catalog.CancellationDue(plan, stay.Arrival, now), Catalog.Money(Catalog.PolicyFee(plan, prices))),
            NoShowFee: new OfferNoShowFeeModel(plan.NoShowPolicy.Code, plan.NoShowPolicy.Name, plan.NoShowPolicy.Description, Catalog.Money(Catalog.PolicyFee(plan, prices))),
            TimeSlices: [.. nights.Select((n, i) => new OfferTimeSliceModel(Catalog.CheckInAt(n), Catalog.CheckOutAt(n.AddDays(1)), available[i], amounts[i], Catalog.Money(prices[i])))],
            TaxDetails: Catalog.TaxDetails(amounts),
            ValidationMessages: violations.Count > 0 ? violations : null,
            IsCorporate: false,
            PrePaymentAmount: Catalog.Money(Catalog.PrePayment(plan, prices)),
            CityTax: Catalog.CityTax(prices));
    }
}
