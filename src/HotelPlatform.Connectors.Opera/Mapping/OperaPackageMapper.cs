using HotelPlatform.Connectors.Opera.Wire;

namespace HotelPlatform.Connectors.Opera.Mapping;

/// <summary>
/// Maps OPERA packages (the hotel's extras) to the common model: rtp <c>packageCodeShortInfoType</c> to
/// <see cref="ServiceOffer"/>, rsv <c>reservationPackageType</c> to <see cref="ReservationService"/>, and
/// <see cref="ServiceOrder"/> to the <c>reservationPackageType</c> that attaches it.
/// </summary>
/// <remarks>
/// A package posts on the nights its posting rhythm names (<c>postingRhythmType</c>; OPERA's default is EveryNight).
/// rtp's <c>calculatedPrice</c> is already the price for the party by the package's calculation rule
/// (<c>packageCalculationRuleType</c>: FlatRate, PerPerson, PerAdult, PerChild, PerRoom), so an offer is priced per
/// posting for the asked party: <see cref="ServicePricingUnit.PerNight"/> when it posts on several nights,
/// <see cref="ServicePricingUnit.PerStay"/> when once.
/// </remarks>
internal static class OperaPackageMapper
{
    /// <summary>The <c>productSourceType</c> of a package attached to the reservation itself (not part of its rate).</summary>
    public const string ReservationSource = "Reservation";

    /// <summary>An offer from the hotel's catalogue for a stay; <see langword="null"/> for a package without a code or a calculated price.</summary>
    public static ServiceOffer? ToOffer(PackageShortInfo package, DateOnly arrival, DateOnly departure, string currency)
    {
        if (package.Code is not { } code || package.PostingAttributes?.CalculatedPrice is not { } price)
        {
            return null;
        }

        var nights = PostingNights(package.PostingAttributes.PostingRhythm, arrival, departure);
        if (nights is { Count: 0 })
        {
            // It posts on no night of this stay (every night but the arrival, for one night): not for sale here.
            return null;
        }

        var unit = new Money(price, Currency(package.TransactionDetails, currency));
        return new ServiceOffer(code, Name(package.PrimaryDetails, code), unit)
        {
            Description = package.PrimaryDetails?.Description is { } description && description != Name(package.PrimaryDetails, code) ? description : null,
            PricingUnit = nights is [_] ? ServicePricingUnit.PerStay : ServicePricingUnit.PerNight,
            Total = nights is null ? null : unit * nights.Count,
            AvailableDates = nights ?? [],
        };
    }

    /// <summary>The extras of a reservation: the packages attached to it (<c>source</c> Reservation or absent); a rate's own packages are part of its price.</summary>
    public static IReadOnlyList<ReservationService> ToServices(IReadOnlyList<ReservationPackage>? packages, string currency) =>
        [.. (packages ?? [])
            .Where(p => p.PackageCode is not null && (p.Source is null || p.Source == ReservationSource))
            .Select(p => ToService(p, currency))];

    /// <summary>The packages that attach an order to a reservation: one per run of consecutive dates (all nights of the stay when the order names none).</summary>
    /// <remarks>
    /// [?] Oracle does not say whether <c>endDate</c> is the last consumption date or the day after; its postReservation
    /// example attaches a package to a one-night stay with <c>startDate</c> = arrival and <c>endDate</c> = departure, so
    /// <c>endDate</c> is written as the day after the last date.
    /// </remarks>
    public static IReadOnlyList<ReservationPackage> ToPackages(ServiceOrder order, DateOnly arrival, DateOnly departure)
    {
        var runs = new List<(DateOnly First, DateOnly Last)>();
        IEnumerable<DateOnly> dates = order.Dates.Count == 0 ? [arrival] : order.Dates.Distinct().Order();
        foreach (var date in dates)
        {
            if (runs.Count > 0 && runs[^1].Last.AddDays(1) == date)
            {
                runs[^1] = (runs[^1].First, date);
            }
            else
            {
                runs.Add((date, date));
            }
        }

        return [.. runs.Select(run => new ReservationPackage
        {
            PackageCode = order.ServiceId,
            StartDate = run.First,
            EndDate = order.Dates.Count == 0 ? departure : run.Last.AddDays(1),
            ConsumptionDetails = new PackageConsumption { DefaultQuantity = order.Quantity },
        })];
    }

    /// <summary>The units of a package on a reservation (the sum of its lines' quantities).</summary>
    public static int Units(Reservation reservation, string serviceId) =>
        reservation.Services.Where(s => s.ServiceId == serviceId).Sum(s => s.Quantity);

    private static ReservationService ToService(ReservationPackage package, string currency)
    {
        var header = package.PackageHeaderType;
        var schedule = package.ScheduleList ?? [];
        var quantity = package.ConsumptionDetails?.DefaultQuantity ?? 1;
        decimal? total = schedule.Count == 0
            ? null
            : schedule.Sum(s => s.ComputedResvPrice ?? ((s.UnitPrice ?? 0m) * (s.TotalQuantity ?? package.ConsumptionDetails?.TotalQuantity ?? quantity)));
        return new ReservationService(package.PackageCode!, Name(header?.PrimaryDetails, package.PackageCode!), quantity)
        {
            Total = total is { } amount ? new Money(amount, Currency(header?.TransactionDetails, currency)) : null,
            Dates = [.. schedule.Select(s => s.ConsumptionDate).OfType<DateOnly>().Distinct().Order()],
        };
    }

    private static string Name(PackagePrimaryDetails? details, string code) =>
        details?.ShortDescription is { Length: > 0 } name ? name : details?.Description is { Length: > 0 } description ? description : code;

    private static string Currency(PackageTransactionDetails? details, string currency) =>
        details?.Currency is { Length: 3 } code ? code : currency;

    /// <summary>The nights of the stay the package posts on by its rhythm; <see langword="null"/> for a rhythm the connector does not resolve to dates (custom schedules, every X nights, floating allowances, tickets).</summary>
    private static List<DateOnly>? PostingNights(PackagePostingRhythm? rhythm, DateOnly arrival, DateOnly departure)
    {
        var nights = Enumerable.Range(0, departure.DayNumber - arrival.DayNumber).Select(arrival.AddDays).ToList();
        return (rhythm?.Type ?? "EveryNight") switch
        {
            "EveryNight" => nights,
            "ArrivalNight" => [nights[0]],
            "LastNight" => [nights[^1]],
            "EveryNightExceptArrivalNight" => nights.Count > 1 ? nights[1..] : [],
            "EveryNightExceptLast" => nights.Count > 1 ? nights[..^1] : [],
            "EveryNightExceptFirstAndLast" => nights.Count > 2 ? nights[1..^1] : [],
            "CertainNightsOfTheWeek" when rhythm?.CertainNightsOfTheWeek is { } days => nights.Where(n => days.IsFlagged(n.DayOfWeek)).ToList(),
            _ => null,
        };
    }
}
