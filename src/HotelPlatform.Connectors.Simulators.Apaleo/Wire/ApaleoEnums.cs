// The enumerations of Apaleo's wire format, spelled as the Swagger documents spell them (the member names are the wire
// values; StrictEnumConverter refuses anything else). Sources: booking-v1 (2021, saved), inventory-v1 (2026, saved),
// rateplan-v1 and availability-v1 (current documents at Altricch/ApaleoOnPrem@e5de34d0 specs/, read, not saved).
using System.Text.Json.Serialization;

namespace HotelPlatform.Connectors.Simulators.Apaleo.Wire;

/// <summary>
/// booking-v1 <c>channelCode</c> (Direct … Hrs); the current rateplan-v1 adds AltoVita, DesVu and Gimsi, accepted here
/// because the current booking API shares that list. The seeded rate plans sell through none of the three, so a booking
/// naming one is answered 422, never stored.
/// </summary>
internal enum ChannelCode
{
    Direct,
    BookingCom,
    Ibe,
    ChannelManager,
    Expedia,
    Homelike,
    Hrs,
    AltoVita,
    DesVu,
    Gimsi,
}

/// <summary>booking-v1 guarantee types; <c>Ota</c> exists only on reservations read back (<c>ReservationModel.guaranteeType</c>).</summary>
internal enum GuaranteeType
{
    PM6Hold,
    CreditCard,
    Prepayment,
    Company,
    Ota,
}

/// <summary>booking-v1 <c>GuestModel.title</c>.</summary>
internal enum PersonTitle
{
    Mr,
    Ms,
    Dr,
    Prof,
    Mrs,
    Other,
}

/// <summary>booking-v1 <c>GuestModel.gender</c>.</summary>
internal enum PersonGender
{
    Female,
    Male,
    Other,
}

/// <summary>booking-v1 <c>GuestModel.identificationType</c>.</summary>
internal enum IdentificationType
{
    SocialInsuranceNumber,
    PassportNumber,
    IdNumber,
    DriverLicenseNumber,
}

/// <summary>booking-v1 <c>travelPurpose</c>.</summary>
internal enum TravelPurpose
{
    Business,
    Leisure,
}

/// <summary>booking-v1 <c>ReservationModel.status</c> and the <c>status</c> filter of the reservation list.</summary>
internal enum ApaleoReservationStatus
{
    Confirmed,
    InHouse,
    CheckedOut,
    Canceled,
    NoShow,
}

/// <summary>booking-v1 <c>AmountModel.vatType</c> (rateplan-v1 adds Special1, Special2 and Mixed, which the simulator never uses).</summary>
internal enum VatType
{
    Null,
    VeryReduced,
    Reduced,
    Normal,
    Without,
    Special,
    ReducedCovid19,
    NormalCovid19,
}

/// <summary>booking-v1 / rateplan-v1 <c>pricingUnit</c>.</summary>
internal enum PricingUnit
{
    Room,
    Person,
}

/// <summary>rateplan-v1 <c>serviceType</c>.</summary>
internal enum ServiceType
{
    Other,
    Accommodation,
    FoodAndBeverages,
}

/// <summary>rateplan-v1 <c>AvailabilityModel.mode</c> of a service.</summary>
internal enum ServiceAvailabilityMode
{
    Arrival,
    Departure,
    Daily,
}

/// <summary>inventory-v1 / availability-v1 unit group types.</summary>
internal enum UnitGroupType
{
    BedRoom,
    MeetingRoom,
    EventSpace,
    ParkingLot,
    Other,
}

/// <summary>The <c>timeSliceTemplate</c> of offers, availability and rate plans.</summary>
internal enum TimeSliceTemplate
{
    DayUse,
    OverNight,
}

/// <summary>inventory-v1 <c>PropertyModel.status</c>.</summary>
internal enum PropertyStatus
{
    Test,
    Live,
}

/// <summary>booking-v1 <c>OfferValidationMessageModel.code</c>.</summary>
internal enum OfferValidationCode
{
    UnitGroupFullyBooked,
    UnitGroupCapacityExceeded,
    RatePlanRestrictionsViolated,
    RatePlanSurchargesNotSet,
    RateRestrictionsViolated,
    RatePlanChannelNotSet,
    RatesNotSet,
    BlockFullyBooked,
    IncludedServicesAmountExceededRateAmount,
}

/// <summary>The <c>dateFilter</c> of <c>GET /booking/v1/reservations</c>.</summary>
internal enum ReservationDateFilter
{
    Arrival,
    Departure,
    Stay,
    Creation,
    Modification,
    Cancellation,
}

/// <summary>The operations of a JSON Patch (RFC 6902); Apaleo allows add, replace and remove on reservations.</summary>
internal enum PatchOperationType
{
    [JsonStringEnumMemberName("add")]
    Add,

    [JsonStringEnumMemberName("remove")]
    Remove,

    [JsonStringEnumMemberName("replace")]
    Replace,

    [JsonStringEnumMemberName("move")]
    Move,

    [JsonStringEnumMemberName("copy")]
    Copy,

    [JsonStringEnumMemberName("test")]
    Test,
}

/// <summary>The Webhook API's error types (2021 client in <c>apaleo/slack</c>, <c>ErrorTypeEnum</c>).</summary>
internal enum WebhookErrorType
{
    HealthcheckFailed,
    EnabledForAnotherEndpoint,
    InvalidPropertyId,
}
