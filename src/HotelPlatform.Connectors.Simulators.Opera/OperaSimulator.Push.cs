using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace HotelPlatform.Connectors.Simulators.Opera;

/// <summary>
/// The writes of a rate and restriction push: par <c>postRestriction</c> and rtp <c>setRatePlanSchedules</c>. A pushed
/// restriction replaces the hotel's restriction of the same kind for the same room type and rate plan on its nights (an
/// <c>Open</c>, <c>OpenForArrival</c> or <c>OpenForDeparture</c> removes it); a pushed schedule sets the amounts per
/// person count of its room types on its nights, which availability and reservations then price with.
/// </summary>
public sealed partial class OperaSimulator
{
    /// <summary>The most schedules one setRatePlanSchedules request holds (rtp <c>ratePlanScheduleList</c>: maxItems 50).</summary>
    private const int MaxSchedulesPerRequest = 50;

    /// <summary>The most codes one list of a restriction or schedule holds (par <c>roomTypes</c>/<c>ratePlanCodes</c>, rtp <c>roomTypeList</c>: maxItems 4000).</summary>
    private const int MaxCodesPerList = 4000;

    private static readonly string[] Weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    /// <summary>par <c>restrictionStatusesType</c>.</summary>
    private static readonly string[] RestrictionCodes =
    [
        "Closed", "ClosedForArrival", "ClosedForDeparture", "MinimumStayThrough", "MaximumStayThrough", "MinimumLengthOfStay", "MaximumLengthOfStay",
        "LOSNotAvailable", "MinimumAdvanceBooking", "MaximumAdvanceBooking", "Open", "OpenForArrival", "OpenForDeparture",
    ];

    /// <summary>par <c>createRestriction</c>: the members the simulator applies.</summary>
    private static readonly IReadOnlyDictionary<string, string[]> CreateRestrictionShape = new Dictionary<string, string[]>
    {
        ["$"] = ["restriction"],
        ["$.restriction"] = ["restrictionStatus", "ratePlanCodes", "roomTypes", "start", "end", "hotelId", .. Weekdays],
        ["$.restriction.restrictionStatus"] = ["code", "unit"],
    };

    /// <summary>rtp <c>ratePlanSchedulesToSet</c>: the members the simulator applies.</summary>
    private static readonly IReadOnlyDictionary<string, string[]> RatePlanSchedulesShape = new Dictionary<string, string[]>
    {
        ["$"] = ["hotelId", "ratePlanCode", "ratePlanScheduleList"],
        ["$.ratePlanScheduleList[]"] = ["rateAmounts", "start", "end", "roomTypeList", .. Weekdays],
        ["$.ratePlanScheduleList[].rateAmounts"] = PersonRates,
    };

    /// <summary>rtp <c>scheduleRateAmountsType</c>: the amounts by person count the simulator prices with.</summary>
    private static string[] PersonRates => ["onePersonRate", "twoPersonRate", "threePersonRate", "fourPersonRate", "fivePersonRate"];

    private async Task<IResult> PostRestrictionAsync(HttpContext context, string hotelId)
    {
        var (body, refusal) = await ReadBodyAsync(context, CreateRestrictionShape).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var restriction = body!["restriction"] as JsonObject;
        var code = (string?)restriction?["restrictionStatus"]?["code"];
        var unit = (int?)restriction?["restrictionStatus"]?["unit"];
        var start = OperaShapes.DateOf(restriction?["start"]);
        var end = OperaShapes.DateOf(restriction?["end"]);
        if (code is null || !RestrictionCodes.Contains(code, StringComparer.Ordinal))
        {
            return Problem(400, "Bad Request", $"restrictionStatus.code '{code}' is not a restriction code.", "INVALID_RESTRICTION_CODE", "restriction.restrictionStatus.code");
        }

        if (NeedsUnit(code) != unit is not null || unit < 0)
        {
            return Problem(400, "Bad Request", $"unit must be given for {code} exactly when it is a stay or advance-booking restriction.", "INVALID_RESTRICTION_UNIT", "restriction.restrictionStatus.unit");
        }

        if (start is null || end is null || end < start)
        {
            return Problem(400, "Bad Request", "start and end (not before start) are required.", "INVALID_DATE_RANGE", "restriction.end");
        }

        if (Codes(restriction!["roomTypes"], RoomTypeCodes, "restriction.roomTypes", "room type", out var roomTypes) is { } badRoomType)
        {
            return badRoomType;
        }

        if (Codes(restriction["ratePlanCodes"], RatePlanCodes, "restriction.ratePlanCodes", "rate plan", out var ratePlans) is { } badRatePlan)
        {
            return badRatePlan;
        }

        var days = DaysOf(restriction);
        lock (_gate)
        {
            var hotel = Hotel(hotelId);
            foreach (var roomType in roomTypes.Count == 0 ? [null] : roomTypes.Select(r => (string?)r))
            {
                foreach (var ratePlan in ratePlans.Count == 0 ? [null] : ratePlans.Select(r => (string?)r))
                {
                    Replace(hotel, new SimRestriction(start.Value, end.Value, code, unit, roomType, ratePlan) { Days = days });
                }
            }

            return Json(new JsonObject { ["links"] = new JsonArray() }, 201);
        }
    }

    private async Task<IResult> SetRatePlanSchedulesAsync(HttpContext context, string hotelId, string ratePlanCode)
    {
        if (!RatePlanCodes.Contains(ratePlanCode, StringComparer.Ordinal))
        {
            return Problem(404, "Not Found", $"Rate plan '{ratePlanCode}' does not exist at hotel {hotelId}.", "RATE_PLAN_NOT_FOUND", "ratePlanCode");
        }

        var (body, refusal) = await ReadBodyAsync(context, RatePlanSchedulesShape).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (((string?)body!["ratePlanCode"] ?? ratePlanCode) != ratePlanCode || ((string?)body["hotelId"] ?? hotelId) != hotelId)
        {
            return Problem(400, "Bad Request", "hotelId and ratePlanCode of the body must be those of the path.", "INVALID_RATE_PLAN", "ratePlanCode");
        }

        if (body["ratePlanScheduleList"] is not JsonArray { Count: > 0 } list || list.Count > MaxSchedulesPerRequest)
        {
            return Problem(400, "Bad Request", $"ratePlanScheduleList must hold 1 to {MaxSchedulesPerRequest} schedules.", "INVALID_SCHEDULE_COUNT", "ratePlanScheduleList");
        }

        var schedules = new List<(DateOnly Start, DateOnly End, List<string> RoomTypes, Dictionary<int, decimal> Amounts, IReadOnlySet<DayOfWeek>? Days)>();
        for (var i = 0; i < list.Count; i++)
        {
            var path = $"ratePlanScheduleList[{i.ToString(CultureInfo.InvariantCulture)}]";
            var schedule = list[i] as JsonObject;
            var start = OperaShapes.DateOf(schedule?["start"]);
            var end = OperaShapes.DateOf(schedule?["end"]);
            if (start is null || end is null || end < start)
            {
                return Problem(400, "Bad Request", $"{path}: start and end (not before start) are required.", "INVALID_DATE_RANGE", path + ".end");
            }

            if (Codes(schedule!["roomTypeList"], RoomTypeCodes, path + ".roomTypeList", "room type", out var roomTypes) is { } badRoomType)
            {
                return badRoomType;
            }

            var amounts = new Dictionary<int, decimal>();
            for (var persons = 1; persons <= PersonRates.Length; persons++)
            {
                if ((decimal?)schedule["rateAmounts"]?[PersonRates[persons - 1]] is { } amount)
                {
                    if (amount < 0)
                    {
                        return Problem(400, "Bad Request", $"{path}: rate amounts cannot be negative.", "INVALID_RATE_AMOUNT", $"{path}.rateAmounts.{PersonRates[persons - 1]}");
                    }

                    amounts[persons] = amount;
                }
            }

            if (amounts.Count == 0 || roomTypes.Count == 0)
            {
                return Problem(400, "Bad Request", $"{path}: a schedule needs room types and at least one person rate.", "INVALID_SCHEDULE", path);
            }

            schedules.Add((start.Value, end.Value, roomTypes, amounts, DaysOf(schedule)));
        }

        lock (_gate)
        {
            var hotel = Hotel(hotelId);
            foreach (var (start, end, roomTypes, amounts, days) in schedules)
            {
                for (var night = start; night <= end; night = night.AddDays(1))
                {
                    if (days is null || days.Contains(night.DayOfWeek))
                    {
                        foreach (var roomType in roomTypes)
                        {
                            hotel.Rates[(roomType, ratePlanCode, night)] = new Dictionary<int, decimal>(amounts);
                        }
                    }
                }
            }

            return Json(new JsonObject { ["links"] = new JsonArray() });
        }
    }

    /// <summary>The price of a night: the pushed amount for the party size, else the simulator's list price.</summary>
    private static decimal Price(SimHotel hotel, string roomType, string ratePlan, DateOnly night, int adults) =>
        hotel.Rates.TryGetValue((roomType, ratePlan, night), out var amounts) && amounts.TryGetValue(adults, out var amount) ? amount : NightlyPrice(roomType, ratePlan);

    /// <summary>rates.rate[]: one entry per run of nights with the same price (base amount per night), and the stay's total.</summary>
    private JsonObject PricedNights(SimHotel hotel, string roomType, string ratePlan, DateOnly arrival, DateOnly departure, int adults, out decimal total)
    {
        var entries = new JsonArray();
        total = 0m;
        DateOnly? runStart = null;
        var runPrice = 0m;
        for (var night = arrival; night <= departure; night = night.AddDays(1))
        {
            var price = night < departure ? Price(hotel, roomType, ratePlan, night, adults) : -1m;
            if (runStart is { } from && price != runPrice)
            {
                entries.Add(new JsonObject
                {
                    ["base"] = new JsonObject { ["amountBeforeTax"] = runPrice, ["amountAfterTax"] = runPrice, ["currencyCode"] = OperaOptions.Currency },
                    ["start"] = Date(from),
                    ["end"] = Date(night.AddDays(-1)),
                });
                runStart = null;
            }

            if (night < departure)
            {
                total += price;
                runStart ??= night;
                runPrice = price;
            }
        }

        return new JsonObject { ["rate"] = entries };
    }

    /// <summary>Whether a restriction code needs <c>unit</c> (par restrictionStatusType.unit).</summary>
    private static bool NeedsUnit(string code) => code.EndsWith("StayThrough", StringComparison.Ordinal) || code.EndsWith("LengthOfStay", StringComparison.Ordinal) || code.EndsWith("AdvanceBooking", StringComparison.Ordinal);

    /// <summary>Replaces the restriction of the same kind and control on the new one's nights; an Open* code only removes.</summary>
    private static void Replace(SimHotel hotel, SimRestriction pushed)
    {
        var kind = SimRestriction.KindOf(pushed.Code);
        foreach (var existing in hotel.Restrictions.Where(r => SimRestriction.KindOf(r.Code) == kind && r.RoomType == pushed.RoomType && r.RatePlanCode == pushed.RatePlanCode && r.Start <= pushed.End && pushed.Start <= r.End).ToList())
        {
            hotel.Restrictions.Remove(existing);
            if (existing.Start < pushed.Start)
            {
                hotel.Restrictions.Add(existing with { End = pushed.Start.AddDays(-1) });
            }

            if (pushed.End < existing.End)
            {
                hotel.Restrictions.Add(existing with { Start = pushed.End.AddDays(1) });
            }

            // Nights of the old restriction on weekdays the pushed one leaves out keep it.
            if (pushed.Days is { } days)
            {
                var kept = Enum.GetValues<DayOfWeek>().Where(d => !days.Contains(d) && (existing.Days is null || existing.Days.Contains(d))).ToHashSet();
                if (kept.Count > 0)
                {
                    hotel.Restrictions.Add(existing with { Start = Max(existing.Start, pushed.Start), End = Min(existing.End, pushed.End), Days = kept });
                }
            }
        }

        if (!pushed.Code.StartsWith("Open", StringComparison.Ordinal))
        {
            hotel.Restrictions.Add(pushed);
        }

        static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
        static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    }

    /// <summary>Reads a list of codes; 400 naming the first the hotel does not know, or a list over <see cref="MaxCodesPerList"/>.</summary>
    private static IResult? Codes(JsonNode? node, IReadOnlyList<string> known, string path, string what, out List<string> codes)
    {
        codes = [.. (node as JsonArray ?? []).Select(c => (string?)c ?? string.Empty)];
        if (codes.Count > MaxCodesPerList)
        {
            return Problem(400, "Bad Request", $"{path} holds more than {MaxCodesPerList} codes.", "LIMIT_EXCEEDED", path);
        }

        return codes.FirstOrDefault(c => !known.Contains(c, StringComparer.Ordinal)) is { } unknown
            ? Problem(400, "Bad Request", $"The {what} '{unknown}' does not exist at this hotel.", what == "room type" ? "INVALID_ROOM_TYPE" : "INVALID_RATE_PLAN", path)
            : null;
    }

    /// <summary>The weekdays flagged; <see langword="null"/> (every day) when none is flagged.</summary>
    private static HashSet<DayOfWeek>? DaysOf(JsonObject item)
    {
        var days = Enumerable.Range(0, 7).Where(d => (bool?)item[Weekdays[d]] == true).Select(d => (DayOfWeek)d).ToHashSet();
        return days.Count == 0 && Weekdays.All(d => item[d] is null) ? null : days;
    }
}
