using System.Globalization;
using System.Text.Json.Nodes;

namespace HotelPlatform.Connectors.Simulators.Opera;

/// <summary>One hotel of the simulated environment.</summary>
internal sealed class SimHotel(string code)
{
    public string Code { get; } = code;

    public Dictionary<string, SimReservation> Reservations { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, JsonObject> Blocks { get; } = new(StringComparer.Ordinal);

    public Queue<JsonObject> Events { get; } = new();

    public List<SimRestriction> Restrictions { get; } = [];

    /// <summary>The pushed amounts (rtp setRatePlanSchedules) per room type, rate plan and night, by person count.</summary>
    public Dictionary<(string RoomType, string RatePlan, DateOnly Night), Dictionary<int, decimal>> Rates { get; } = [];

    public long NextEventId { get; set; }
}

/// <summary>A stored reservation.</summary>
internal sealed record SimReservation(string Id, string Confirmation, DateOnly Arrival, DateOnly Departure, string RoomType, string RatePlan, int Adults, IReadOnlyList<int> ChildAges)
{
    public string Status { get; set; } = "Reserved";

    public JsonObject? Guest { get; set; }

    public string? ProfileId { get; set; }

    public string? ClientReference { get; set; }

    public string? BlockId { get; set; }

    public List<(string Title, string Text, bool Internal)> Comments { get; } = [];

    public List<SimReservationPackage> Packages { get; } = [];

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset Modified { get; set; }

    public bool Covers(DateOnly night) => Arrival <= night && night < Departure && Status is not ("Cancelled" or "NoShow" or "CheckedOut");
}

/// <summary>The members each request body may hold (Oracle's documents, the parts the simulator implements).</summary>
/// <summary>A par restriction set: <c>code</c> (restrictionStatusesType) with its <c>unit</c> over <c>start</c>..<c>end</c>, for a room type and/or rate plan (the house when both are null).</summary>
internal sealed record SimRestriction(DateOnly Start, DateOnly End, string Code, int? Unit, string? RoomType, string? RatePlanCode)
{
    /// <summary>Gets the weekdays it applies on; every day when <see langword="null"/>.</summary>
    public IReadOnlySet<DayOfWeek>? Days { get; init; }

    /// <summary>The kind a code sets or clears: Closed/Open, ClosedForArrival/OpenForArrival, ClosedForDeparture/OpenForDeparture, or the code itself.</summary>
    public static string KindOf(string code) => code switch
    {
        "Open" => "Closed",
        "OpenForArrival" => "ClosedForArrival",
        "OpenForDeparture" => "ClosedForDeparture",
        _ => code,
    };

    /// <summary>Whether this restriction forbids a stay of a room type under a rate plan, as OPERA applies it when selling.</summary>
    public bool Forbids(string roomType, string ratePlan, DateOnly arrival, DateOnly departure)
    {
        if ((RoomType is not null && RoomType != roomType) || (RatePlanCode is not null && RatePlanCode != ratePlan))
        {
            return false;
        }

        bool In(DateOnly date) => Start <= date && date <= End && (Days is null || Days.Contains(date.DayOfWeek));
        var nights = departure.DayNumber - arrival.DayNumber;
        return Code switch
        {
            "Closed" => Enumerable.Range(0, nights).Any(n => In(arrival.AddDays(n))),
            "ClosedForArrival" => In(arrival),
            "ClosedForDeparture" => In(departure),
            "MinimumLengthOfStay" => In(arrival) && nights < Unit,
            "MaximumLengthOfStay" => In(arrival) && nights > Unit,
            _ => false,
        };
    }

    public JsonObject ToJson()
    {
        var control = new JsonObject();
        if (RoomType is null && RatePlanCode is null)
        {
            control["house"] = true;
        }

        if (RoomType is not null)
        {
            control["roomType"] = RoomType;
        }

        if (RatePlanCode is not null)
        {
            control["ratePlanCode"] = RatePlanCode;
        }

        var status = new JsonObject { ["code"] = Code };
        if (Unit is not null)
        {
            status["unit"] = Unit;
        }

        var set = new JsonObject
        {
            ["restrictionControl"] = control,
            ["restrictionStatus"] = status,
            ["start"] = Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["end"] = End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        foreach (var day in Days ?? (IEnumerable<DayOfWeek>)[])
        {
            set[char.ToLowerInvariant(day.ToString()[0]) + day.ToString()[1..]] = true;
        }

        return set;
    }
}

internal static class OperaShapes
{
    private static readonly string[] Ids = ["id", "type"];
    private static readonly string[] Profile = ["customer", "addresses", "telephones", "emails", "profileType", "privacyInfo"];
    private static readonly string[] Customer = ["personName", "language", "nationality"];

    private static Dictionary<string, string[]> ProfileShape(string at) => new()
    {
        [at] = Profile,
        [$"{at}.customer"] = Customer,
        [$"{at}.privacyInfo"] = ["optInEmail", "optInSms", "optInMailingList", "optInThirdParty", "optInPhone", "optInMarketResearch"],
        [$"{at}.customer.personName[]"] = ["givenName", "surname", "nameType"],
        [$"{at}.emails"] = ["emailInfo"],
        [$"{at}.emails.emailInfo[]"] = ["email"],
        [$"{at}.emails.emailInfo[].email"] = ["emailAddress", "type"],
        [$"{at}.telephones"] = ["telephoneInfo"],
        [$"{at}.telephones.telephoneInfo[]"] = ["telephone"],
        [$"{at}.telephones.telephoneInfo[].telephone"] = ["phoneNumber", "phoneTechType", "phoneUseType"],
        [$"{at}.addresses"] = ["addressInfo"],
        [$"{at}.addresses.addressInfo[]"] = ["address"],
        [$"{at}.addresses.addressInfo[].address"] = ["addressLine", "cityName", "postalCode", "country"],
        [$"{at}.addresses.addressInfo[].address.country"] = ["code", "value"],
    };

    private static Dictionary<string, string[]> ReservationShape(string at)
    {
        var shape = new Dictionary<string, string[]>
        {
            [at] = ["reservationIdList", "externalReferences", "roomStay", "reservationGuests", "comments", "hotelId"],
            [$"{at}.reservationIdList[]"] = Ids,
            [$"{at}.externalReferences[]"] = ["id", "idContext", "idExtension"],
            [$"{at}.roomStay"] = ["roomRates", "guestCounts", "arrivalDate", "departureDate", "guarantee"],
            [$"{at}.roomStay.guarantee"] = ["guaranteeCode", "shortDescription", "onHold"],
            [$"{at}.roomStay.guestCounts"] = ["adults", "children", "childAges"],
            [$"{at}.roomStay.guestCounts.childAges[]"] = ["age"],
            [$"{at}.roomStay.roomRates[]"] = ["roomType", "ratePlanCode", "start", "end", "numberOfUnits", "guestCounts", "marketCode", "sourceCode"],
            [$"{at}.roomStay.roomRates[].guestCounts"] = ["adults", "children", "childAges"],
            [$"{at}.roomStay.roomRates[].guestCounts.childAges[]"] = ["age"],
            [$"{at}.reservationGuests[]"] = ["profileInfo", "primary"],
            [$"{at}.reservationGuests[].profileInfo"] = ["profileIdList", "profile"],
            [$"{at}.reservationGuests[].profileInfo.profileIdList[]"] = Ids,
            [$"{at}.comments[]"] = ["comment"],
            [$"{at}.comments[].comment"] = ["text", "commentTitle", "type", "internal"],
            [$"{at}.comments[].comment.text"] = ["value"],
        };
        foreach (var (k, v) in ProfileShape($"{at}.reservationGuests[].profileInfo.profile"))
        {
            shape[k] = v;
        }

        return shape;
    }

    private static readonly string[] ReservationPackage = ["packageCode", "startDate", "endDate", "consumptionDetails"];

    private static readonly string[] PackageConsumption = ["defaultQuantity"];

    /// <summary>rsv <c>createReservation</c>, with the packages booked with the stay (<c>reservationPackageType</c>: code, dates, quantity).</summary>
    public static IReadOnlyDictionary<string, string[]> CreateReservation { get; } = new Dictionary<string, string[]>(ReservationShape("$.reservations.reservation[]"))
    {
        ["$"] = ["reservations"],
        ["$.reservations"] = ["reservation"],
        ["$.reservations.reservation[]"] = ["reservationIdList", "externalReferences", "roomStay", "reservationGuests", "comments", "reservationPackages", "hotelId"],
        ["$.reservations.reservation[].reservationPackages[]"] = ReservationPackage,
        ["$.reservations.reservation[].reservationPackages[].consumptionDetails"] = PackageConsumption,
    };

    /// <summary>rsv <c>reservationPackagesInfo</c> (postReservationPackage).</summary>
    public static IReadOnlyDictionary<string, string[]> ReservationPackages { get; } = new Dictionary<string, string[]>
    {
        ["$"] = ["hotelId", "reservationId", "reservationPackages"],
        ["$.reservationId"] = Ids,
        ["$.reservationPackages[]"] = ReservationPackage,
        ["$.reservationPackages[].consumptionDetails"] = PackageConsumption,
    };

    /// <summary>rsv <c>changeReservation</c> (<c>reservations</c> is an array here).</summary>
    public static IReadOnlyDictionary<string, string[]> ChangeReservation { get; } = new Dictionary<string, string[]>(ReservationShape("$.reservations[]"))
    {
        ["$"] = ["reservations"],
    };

    /// <summary>rsv <c>cancelReservation</c>.</summary>
    public static IReadOnlyDictionary<string, string[]> CancelReservation { get; } = new Dictionary<string, string[]>
    {
        ["$"] = ["reason", "reservations", "verificationOnly"],
        ["$.reason"] = ["code", "description"],
        ["$.reservations[]"] = ["reservationIdList", "hotelId"],
        ["$.reservations[].reservationIdList[]"] = Ids,
    };

    /// <summary>crm <c>profile</c>.</summary>
    public static IReadOnlyDictionary<string, string[]> ProfileBody { get; } = new Dictionary<string, string[]>(ProfileShape("$.profileDetails"))
    {
        ["$"] = ["profileIdList", "profileDetails"],
        ["$.profileIdList[]"] = Ids,
    };

    /// <summary>blk <c>block</c>.</summary>
    public static IReadOnlyDictionary<string, string[]> Block { get; } = new Dictionary<string, string[]>
    {
        ["$"] = ["blocks"],
        ["$.blocks"] = ["blockInfo"],
        ["$.blocks.blockInfo[]"] = ["block"],
        ["$.blocks.blockInfo[].block"] = ["blockIdList", "blockDetails"],
        ["$.blocks.blockInfo[].block.blockDetails"] = ["blockCode", "blockName", "timeSpan", "blockStatus"],
        ["$.blocks.blockInfo[].block.blockDetails.timeSpan"] = ["startDate", "endDate"],
        ["$.blocks.blockInfo[].block.blockDetails.blockStatus"] = ["bookingStatus"],
        ["$.blocks.blockInfo[].block.blockDetails.blockStatus.bookingStatus"] = ["status"],
        ["$.blocks.blockInfo[].block.blockDetails.blockStatus.bookingStatus.status"] = ["code", "description"],
    };

    public static DateOnly? DateOf(JsonNode? node) =>
        node?.GetValue<string>() is { } text && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
