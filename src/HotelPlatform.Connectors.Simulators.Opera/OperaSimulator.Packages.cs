using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace HotelPlatform.Connectors.Simulators.Opera;

/// <summary>A package of the chain's catalogue (rtp): its price per unit and how it is calculated and posted.</summary>
/// <param name="Code">The package code.</param>
/// <param name="ShortDescription">The short description (40 characters).</param>
/// <param name="Description">The description.</param>
/// <param name="UnitPrice">The price of one unit.</param>
/// <param name="CalculationRule"><c>packageCalculationRuleType</c>: FlatRate, PerPerson, PerAdult, PerChild, PerRoom.</param>
/// <param name="PostingRhythm"><c>postingRhythmType</c>: EveryNight, ArrivalNight, LastNight.</param>
/// <param name="SellSeparate">Whether it is sold apart from a rate plan.</param>
internal sealed record SimPackage(string Code, string ShortDescription, string Description, decimal UnitPrice, string CalculationRule, string PostingRhythm, bool SellSeparate)
{
    /// <summary>The units one ordered quantity makes for a party, by the calculation rule.</summary>
    public int UnitsFor(int adults, int children) => CalculationRule switch
    {
        "PerPerson" => adults + children,
        "PerAdult" => adults,
        "PerChild" => children,
        _ => 1,
    };

    /// <summary>The dates from <paramref name="start"/> up to (not including) <paramref name="end"/> the package posts on.</summary>
    public IEnumerable<DateOnly> PostingDates(DateOnly start, DateOnly end)
    {
        var nights = Enumerable.Range(0, Math.Max(0, end.DayNumber - start.DayNumber)).Select(start.AddDays).ToList();
        return nights.Count == 0 ? [] : PostingRhythm switch
        {
            "ArrivalNight" => [nights[0]],
            "LastNight" => [nights[^1]],
            _ => nights,
        };
    }
}

/// <summary>A package attached to a reservation: <c>startDate</c> to <c>endDate</c> (the day after the last posting), <c>defaultQuantity</c> units.</summary>
internal sealed record SimReservationPackage(string Code, DateOnly Start, DateOnly End, int Quantity);

/// <summary>OPERA packages (extras): rtp <c>getPackages</c>, rsv <c>getPackage</c> and <c>postReservationPackage</c>, and a reservation's <c>reservationPackages</c>.</summary>
public sealed partial class OperaSimulator
{
    /// <summary>The code of the breakfast package every hotel sells separately (20 per person per night).</summary>
    public const string BreakfastPackageCode = "BRKF";

    private const int MaxPackageScheduleDays = 365;

    private static readonly string[] PackageFetchInstructions = ["Header", "PostingRules", "CalculatedPrice", "Items", "Details", "UsageDetails"];

    private static readonly string[] ReservationPackageFetchInstructions = ["Primary", "Transaction", "Classification", "Schedule", "InventoryItems"];

    /// <summary>The chain's packages: three sold separately, one only inside rates.</summary>
    private static readonly SimPackage[] Packages =
    [
        new(BreakfastPackageCode, "Breakfast", "Breakfast buffet, served each morning", 20m, "PerPerson", "EveryNight", SellSeparate: true),
        new("PARK", "Parking", "Garage parking, per night", 15m, "FlatRate", "EveryNight", SellSeparate: true),
        new("WELCOME", "Welcome drink", "A welcome drink on the arrival night", 8m, "PerAdult", "ArrivalNight", SellSeparate: true),
        new("RATEBRKF", "Breakfast (rate)", "Breakfast included in package rates", 0m, "PerPerson", "EveryNight", SellSeparate: false),
    ];

    private static SimPackage? Package(string? code) => Array.Find(Packages, p => p.Code == code);

    /// <summary>rtp <c>getPackages</c>: the packages of a hotel (<c>hotelId</c>, else <c>x-hotelid</c>), priced for <c>adults</c>/<c>children</c> when <c>CalculatedPrice</c> is asked for.</summary>
    private IResult GetPackages(HttpContext context)
    {
        var query = Validation.ReadQuery(context);
        var hotelIds = query.OptionalList("hotelId", QueryListStyle.Repeated);
        var codes = query.OptionalList("packageCode", QueryListStyle.Repeated);
        var start = query.OptionalDate("startDate");
        var end = query.OptionalDate("endDate");
        var adults = query.OptionalInt32("adults", minimum: 0) ?? 1;
        var children = query.OptionalInt32("children", minimum: 0) ?? 0;
        var sellSeparate = query.OptionalBoolean("sellSeparate");
        query.OptionalBoolean("includeGroup");
        var limit = query.OptionalInt32("limit", minimum: 1);
        var instructions = query.OptionalList("fetchInstructions", QueryListStyle.Repeated);
        query.OptionalBoolean("ticketPostingRhythm");
        query.OptionalBoolean("excludeRedemptionPackages");
        query.Allow("packageCategory", "descriptionWildCard", "bucket1Count", "bucket2Count", "bucket3Count", "bucket4Count", "bucket5Count");
        foreach (var unknown in instructions.Where(i => !PackageFetchInstructions.Contains(i, StringComparer.Ordinal)))
        {
            query.AddViolation("fetchInstructions", $"'{unknown}' is not one of {string.Join(", ", PackageFetchInstructions)}.");
        }

        if (query.Complete() is { } refusal)
        {
            return refusal;
        }

        if (start is { } from && end is { } to && (to < from || to.DayNumber - from.DayNumber > MaxPackageScheduleDays))
        {
            return Problem(400, "Bad Request", $"The pricing schedule spans 0 to {MaxPackageScheduleDays} days.", "INVALID_DATE_RANGE", "endDate");
        }

        var hotel = hotelIds.Count > 0 ? hotelIds : [context.Request.Headers["x-hotelid"].ToString()];
        if (hotel.Any(h => !_hotels.ContainsKey(h)))
        {
            return Problem(403, "Forbidden", "The user has no access to every hotel asked for.", "HOTEL_ACCESS_DENIED", "hotelId");
        }

        var priced = instructions.Contains("CalculatedPrice", StringComparer.Ordinal);
        var matching = Packages
            .Where(p => codes.Count == 0 || codes.Contains(p.Code))
            .Where(p => sellSeparate != true || p.SellSeparate)
            .ToList();
        var lists = new JsonArray();
        var total = 0;
        var more = false;
        foreach (var code in hotel)
        {
            var page = limit is { } max ? matching.Take(max).ToList() : matching;
            more |= page.Count < matching.Count;
            total += matching.Count;
            lists.Add(new JsonObject
            {
                ["hotelId"] = code,
                ["packageCodeShortInfo"] = new JsonArray([.. page.Select(p => (JsonNode)ShortInfo(p, priced ? p.UnitPrice * p.UnitsFor(adults, children) : null))]),
            });
        }

        return total == 0
            ? Results.NoContent()
            : Json(new JsonObject { ["packageCodesList"] = new JsonObject { ["packageCodes"] = lists, ["hasMore"] = more, ["totalResults"] = total, ["count"] = total } });
    }

    /// <summary>rsv <c>getPackage</c>: one package's availability and schedule for a reservation; 204 "Package not found." for a package the hotel does not sell apart.</summary>
    private IResult GetReservationPackage(HttpContext context, string hotelId, string reservationId)
    {
        var query = Validation.ReadQuery(context);
        var code = query.Required("productCode");
        var start = query.OptionalDate("packageTimeSpanStartDate");
        var end = query.OptionalDate("packageTimeSpanEndDate");
        var quantity = query.OptionalInt32("packageQuantity", minimum: 1) ?? 1;
        var adults = query.OptionalInt32("reservationAdults", minimum: 0);
        var children = query.OptionalInt32("reservationChildren", minimum: 0);
        query.OptionalDate("reservationTimeSpanStartDate");
        query.OptionalDate("reservationTimeSpanEndDate");
        query.OptionalInt32("packageExcludedQuantity", minimum: 0);
        query.Allow("postingRhythm", "ratePlanCode");
        foreach (var unknown in query.OptionalList("fetchInstructions", QueryListStyle.Repeated).Where(i => !ReservationPackageFetchInstructions.Contains(i, StringComparer.Ordinal)))
        {
            query.AddViolation("fetchInstructions", $"'{unknown}' is not one of {string.Join(", ", ReservationPackageFetchInstructions)}.");
        }

        if (query.Complete() is { } refusal)
        {
            return refusal;
        }

        lock (_gate)
        {
            if (!Hotel(hotelId).Reservations.TryGetValue(reservationId, out var stored))
            {
                return Problem(404, "Not Found", $"Reservation '{reservationId}' does not exist.", "RESERVATION_NOT_FOUND");
            }

            if (Package(code) is not { SellSeparate: true } package)
            {
                return Results.NoContent();
            }

            var line = new SimReservationPackage(code, start ?? stored.Arrival, end ?? stored.Departure, quantity);
            return Json(new JsonObject
            {
                ["reservationPackages"] = new JsonObject
                {
                    ["reservationPackage"] = new JsonArray(ReservationPackageJson(package, line, adults ?? stored.Adults, children ?? stored.ChildAges.Count)),
                },
            });
        }
    }

    /// <summary>rsv <c>postReservationPackage</c>: attaches packages to a reservation (201 + <c>Location</c>, body <c>status</c>).</summary>
    private async Task<IResult> AddReservationPackagesAsync(HttpContext context, string hotelId, string reservationId)
    {
        var (body, refusal) = await ReadBodyAsync(context, OperaShapes.ReservationPackages).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (((string?)body!["hotelId"] is { } bodyHotel && bodyHotel != hotelId) || ((string?)body["reservationId"]?["id"] is { } bodyId && bodyId != reservationId))
        {
            return Problem(400, "Bad Request", "hotelId and reservationId of the body must be the path's.", "INVALID_RESERVATION", "reservationId");
        }

        if (body["reservationPackages"] is not JsonArray { Count: > 0 } items)
        {
            return Problem(400, "Bad Request", "reservationPackages must hold at least one package.", "INVALID_PACKAGE", "reservationPackages");
        }

        lock (_gate)
        {
            var hotel = Hotel(hotelId);
            if (Changeable(hotel, reservationId, "have packages attached", out var stored) is { } refused)
            {
                return refused;
            }

            if (ReadPackages(items, stored.Arrival, stored.Departure, out var lines) is { } invalid)
            {
                return invalid;
            }

            stored.Packages.AddRange(lines);
            Touch(hotel, stored, "UPDATE RESERVATION");
            context.Response.Headers.Location = new Uri(BaseAddress, $"rsv/v1/hotels/{hotelId}/reservations/{reservationId}/packages").ToString();
            return Json(new JsonObject { ["links"] = new JsonArray() }, 201);
        }
    }

    /// <summary>Reads <c>reservationPackageType</c> items to attach to a stay: a package sold apart, dates within the stay, at least one unit.</summary>
    private static IResult? ReadPackages(JsonArray items, DateOnly arrival, DateOnly departure, out List<SimReservationPackage> lines)
    {
        lines = [];
        foreach (var item in items)
        {
            var code = (string?)item?["packageCode"];
            if (Package(code) is not { SellSeparate: true })
            {
                return Problem(400, "Bad Request", $"Package '{code}' is not sold separately at this hotel.", "INVALID_PACKAGE_CODE", "reservationPackages.packageCode");
            }

            var start = OperaShapes.DateOf(item!["startDate"]) ?? arrival;
            var end = OperaShapes.DateOf(item["endDate"]) ?? departure;
            if (start < arrival || end > departure || end <= start)
            {
                return Problem(400, "Bad Request", $"Package '{code}' must start on or after the arrival and end after its start, on or before the departure.", "INVALID_PACKAGE_DATES", "reservationPackages.startDate");
            }

            var quantity = (int?)item["consumptionDetails"]?["defaultQuantity"] ?? 1;
            if (quantity < 1)
            {
                return Problem(400, "Bad Request", "consumptionDetails.defaultQuantity must be at least 1.", "INVALID_QUANTITY", "reservationPackages.consumptionDetails.defaultQuantity");
            }

            lines.Add(new SimReservationPackage(code!, start, end, quantity));
        }

        return null;
    }

    /// <summary>rtp <c>packageCodeShortInfoType</c>; <c>calculatedPrice</c> only when asked for.</summary>
    private JsonObject ShortInfo(SimPackage package, decimal? calculatedPrice)
    {
        var info = PackageHeaderJson(package);
        if (calculatedPrice is { } price)
        {
            info["postingAttributes"]!["calculatedPrice"] = price;
        }

        info["code"] = package.Code;
        info["group"] = false;
        return info;
    }

    /// <summary><c>packageCodeHeaderType</c>: primary details, transaction details, posting attributes.</summary>
    private JsonObject PackageHeaderJson(SimPackage package) => new()
    {
        ["primaryDetails"] = new JsonObject { ["description"] = package.Description, ["shortDescription"] = package.ShortDescription },
        ["transactionDetails"] = new JsonObject { ["currency"] = OperaOptions.Currency, ["postingType"] = package.PostingRhythm, ["calculationRule"] = package.CalculationRule },
        ["postingAttributes"] = new JsonObject
        {
            ["sellSeparate"] = package.SellSeparate,
            ["addToRate"] = false,
            ["postingRhythm"] = new JsonObject { ["type"] = package.PostingRhythm },
            ["priceCalculationRule"] = package.CalculationRule,
        },
    };

    /// <summary>rsv <c>reservationPackageType</c> of a package on a reservation: header, one schedule line per posting date, consumption.</summary>
    private JsonObject ReservationPackageJson(SimPackage package, SimReservationPackage line, int adults, int children)
    {
        var units = line.Quantity * package.UnitsFor(adults, children);
        var schedule = package.PostingDates(line.Start, line.End).Select(date => (JsonNode)new JsonObject
        {
            ["consumptionDate"] = Date(date),
            ["reservationDate"] = Date(date),
            ["unitPrice"] = package.UnitPrice,
            ["totalQuantity"] = units,
            ["computedResvPrice"] = package.UnitPrice * units,
        });
        return new JsonObject
        {
            ["packageHeaderType"] = PackageHeaderJson(package),
            ["scheduleList"] = new JsonArray([.. schedule]),
            ["consumptionDetails"] = new JsonObject { ["defaultQuantity"] = line.Quantity, ["totalQuantity"] = units },
            ["packageCode"] = package.Code,
            ["startDate"] = Date(line.Start),
            ["endDate"] = Date(line.End),
            ["source"] = "Reservation",
        };
    }

    private JsonArray ReservationPackagesJson(SimReservation reservation) =>
        new([.. reservation.Packages.Select(line => (JsonNode)ReservationPackageJson(Package(line.Code)!, line, reservation.Adults, reservation.ChildAges.Count))]);

    private static string PagingKey(string roomType, string ratePlan) => string.Create(CultureInfo.InvariantCulture, $"{roomType},{ratePlan}");
}
