namespace HotelPlatform.Connectors.InMemory;

/// <content>Inventory, rate plans, the availability grid and quotes.</content>
public sealed partial class InMemoryPms
{
    internal PmsProperty ServeProperty()
    {
        lock (_gate)
        {
            Log(Operation("GetProperty"));
            return Property;
        }
    }

    internal IReadOnlyList<RoomType> ServeRoomTypes()
    {
        lock (_gate)
        {
            Log(Operation("GetRoomTypes") with { ResultCount = _roomTypeOrder.Count });
            return [.. _roomTypeOrder.Select(id => _roomTypes[id].ToModel())];
        }
    }

    internal IReadOnlyList<RatePlan> ServeRatePlans()
    {
        lock (_gate)
        {
            Log(Operation("GetRatePlans") with { ResultCount = _ratePlanOrder.Count });
            return [.. _ratePlanOrder.Select(id => _ratePlans[id].ToModel(_roomTypeOrder, Property.Currency))];
        }
    }

    internal AvailabilityGrid ServeAvailability(AvailabilityRequest request)
    {
        const string operation = "GetAvailability";
        lock (_gate)
        {
            Log(Operation(operation));
            var roomTypes = SelectRoomTypes(request.RoomTypeIds, "request.RoomTypeIds", operation);
            var rows = roomTypes
                .Select(roomType => new RoomTypeAvailability(
                    roomType.Id,
                    [.. Nights(request.Arrival, request.Departure).Select(night =>
                        new NightAvailability(night, Available(roomType, night)) { Restrictions = RestrictionsOf(roomType.Id, night) })]))
                .ToList();
            return new AvailabilityGrid(Property.VendorId, request.Arrival, request.Departure, rows);
        }
    }

    internal IReadOnlyList<RateQuote> ServeQuote(QuoteRequest request)
    {
        const string operation = "Quote";
        lock (_gate)
        {
            var roomTypes = SelectRoomTypes(request.RoomTypeIds, "request.RoomTypeIds", operation);
            if (request.RatePlanId is not null && !_ratePlans.ContainsKey(request.RatePlanId))
            {
                throw Invalid("request.RatePlanId", $"Rate plan '{request.RatePlanId}' does not exist.", operation);
            }

            var quotes = new List<RateQuote>();

            // Nothing is sold for a stay that has begun, as at a real PMS; the caller gets no offer rather than an error.
            if (_allowPastArrivals || request.Arrival >= Today)
            {
                var persons = request.Adults + request.ChildrenAges.Count;
                foreach (var roomType in roomTypes)
                {
                    if (persons > roomType.MaxOccupancy
                        || RestrictionViolation(roomType.Id, request.Arrival, request.Departure) is not null
                        || SoldOutNight(roomType, request.Arrival, request.Departure) is not null)
                    {
                        continue;
                    }

                    var available = Nights(request.Arrival, request.Departure).Min(night => Available(roomType, night));
                    foreach (var plan in _ratePlanOrder.Select(id => _ratePlans[id]))
                    {
                        if (!Offered(plan, request) || !plan.Sells(roomType.Id)
                            || PriceStay(plan, roomType.Id, request.Arrival, request.Departure, persons) is not { } price)
                        {
                            continue;
                        }

                        quotes.Add(new RateQuote(roomType.Id, plan.Id, Money(price.Total), price.Nights)
                        {
                            RoomTypeName = roomType.Name,
                            RatePlanName = plan.Name,
                            TotalBeforeTax = Money(price.NetRoom),
                            Taxes = price.Taxes,
                            Fees = price.Fees,
                            CancellationPolicy = PolicyFor(plan, request.Arrival, price),
                            Available = available,
                        });
                    }
                }
            }

            Log(Operation(operation) with { ResultCount = quotes.Count });
            return quotes;
        }
    }

    private static bool Offered(RatePlanDefinition plan, QuoteRequest request) =>
        request.RatePlanId is not null
            ? string.Equals(plan.Id, request.RatePlanId, StringComparison.Ordinal)
            : plan.PromoCode is null || string.Equals(plan.PromoCode, request.PromoCode?.Trim(), StringComparison.OrdinalIgnoreCase);

    private List<RoomTypeDefinition> SelectRoomTypes(IReadOnlyList<string> roomTypeIds, string field, string operation)
    {
        if (roomTypeIds.Count == 0)
        {
            return [.. _roomTypeOrder.Select(id => _roomTypes[id])];
        }

        // A caller naming a room type that does not exist has a bug (a typo, a stale id); an empty answer would hide it.
        var unknown = roomTypeIds.FirstOrDefault(id => !_roomTypes.ContainsKey(id));
        if (unknown is not null)
        {
            throw Invalid(field, $"Room type '{unknown}' does not exist.", operation);
        }

        return [.. _roomTypeOrder.Where(roomTypeIds.Contains).Select(id => _roomTypes[id])];
    }

    private static IEnumerable<DateOnly> Nights(DateOnly arrival, DateOnly departure)
    {
        for (var night = arrival; night < departure; night = night.AddDays(1))
        {
            yield return night;
        }
    }

    /// <summary>Prices a stay under a plan, or returns <see langword="null"/> when the plan does not sell one of its nights.</summary>
    private StayPrice? PriceStay(RatePlanDefinition plan, string roomTypeId, DateOnly arrival, DateOnly departure, int persons)
    {
        var nights = new List<NightlyRate>();
        for (var night = arrival; night < departure; night = night.AddDays(1))
        {
            if (plan.PriceOf(roomTypeId, night) is not { } amount)
            {
                return null;
            }

            nights.Add(new NightlyRate(night, Money(amount)));
        }

        var gross = nights.Sum(n => n.Amount.Amount);
        var taxes = new List<TaxAmount>();
        var vat = 0m;
        if (plan.VatPercent is { } percent && percent > 0)
        {
            // Prices include VAT: the tax is the part of the gross that the rate adds on top of the net.
            vat = CurrencyPrecision.Round(gross * percent / (100m + percent), Property.Currency);
            taxes.Add(new TaxAmount(plan.VatName, Money(vat)) { Percent = percent });
        }

        var net = gross - vat;
        var fees = plan.Fees
            .Select(fee => new Fee(fee.Name, Money(fee.Basis switch
            {
                InMemoryFeeBasis.PerStay => fee.Amount,
                InMemoryFeeBasis.PerNight => fee.Amount * nights.Count,
                InMemoryFeeBasis.PerPersonPerNight => fee.Amount * nights.Count * persons,
                _ => net * fee.Amount / 100m,
            }))
            {
                IncludedInTotal = fee.IncludedInTotal,
            })
            .ToList();
        var total = gross + fees.Where(f => f.IncludedInTotal).Sum(f => f.Amount.Amount);
        return new StayPrice(nights, gross, net, taxes, fees, total);
    }

    private CancellationPolicy PolicyFor(RatePlanDefinition plan, DateOnly arrival, StayPrice price)
    {
        var terms = plan.Cancellation;
        if (terms.FreeDaysBeforeArrival is not { } days)
        {
            return new CancellationPolicy(terms.Name) { Description = terms.Description, Fee = Money(price.Total) };
        }

        var deadline = arrival.AddDays(-days).ToDateTime(terms.FreeUntil);
        return new CancellationPolicy(terms.Name)
        {
            Description = terms.Description,
            FreeCancellationUntil = new DateTimeOffset(deadline, _zone.GetUtcOffset(deadline)),
            Fee = price.Nights[0].Amount,
        };
    }

    /// <summary>The price of a stay: nights (gross), the room rate net of VAT, taxes, fees and what the guest pays.</summary>
    private sealed record StayPrice(
        IReadOnlyList<NightlyRate> Nights,
        decimal Gross,
        decimal NetRoom,
        IReadOnlyList<TaxAmount> Taxes,
        IReadOnlyList<Fee> Fees,
        decimal Total);
}
