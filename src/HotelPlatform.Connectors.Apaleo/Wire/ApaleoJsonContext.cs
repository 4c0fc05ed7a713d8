using System.Text.Json;
using System.Text.Json.Serialization;

namespace HotelPlatform.Connectors.Apaleo.Wire;

/// <summary>
/// System.Text.Json source generation for every Apaleo wire type: camelCase members (the Swagger definitions' names),
/// absent optional members left out of requests, date-times without fractional seconds
/// (<see cref="ApaleoDateTimeOffsetConverter"/>), dates as <c>yyyy-MM-dd</c> (the built-in <see cref="DateOnly"/> format,
/// Swagger <c>format: date</c>). Reading is case-insensitive and ignores members the records do not declare, so a
/// newer Apaleo answer with more members still reads.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.Strict,
    Converters = [typeof(ApaleoDateTimeOffsetConverter)])]
[JsonSerializable(typeof(PropertyModel))]
[JsonSerializable(typeof(UnitGroupListModel))]
[JsonSerializable(typeof(RatePlanListModel))]
[JsonSerializable(typeof(ServiceListModel))]
[JsonSerializable(typeof(RateListModel))]
[JsonSerializable(typeof(ReplaceRateListModel))]
[JsonSerializable(typeof(AvailableUnitGroupListModel))]
[JsonSerializable(typeof(StayOffersModel))]
[JsonSerializable(typeof(CreateBookingModel))]
[JsonSerializable(typeof(BookingCreatedModel))]
[JsonSerializable(typeof(ReservationModel))]
[JsonSerializable(typeof(ReservationListModel))]
[JsonSerializable(typeof(ReservationServiceListModel))]
[JsonSerializable(typeof(ServiceOffersModel))]
[JsonSerializable(typeof(BookReservationServiceModel))]
[JsonSerializable(typeof(DesiredStayDetailsModel))]
[JsonSerializable(typeof(JsonPatchOperation[]))]
[JsonSerializable(typeof(GuestModel))]
[JsonSerializable(typeof(WebhookEventModel))]
[JsonSerializable(typeof(CreateSubscriptionModel))]
[JsonSerializable(typeof(SubscriptionCreatedModel))]
[JsonSerializable(typeof(IReadOnlyList<SubscriptionModel>))]
internal sealed partial class ApaleoJsonContext : JsonSerializerContext
{
}
