using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace HotelPlatform.Connectors.Simulators.Apaleo.Wire;

/// <summary>
/// The serializer settings of the Apaleo simulator: <see cref="StrictJson"/> rules for everything read (unknown or missing
/// members, nulls, numbers in strings and non-exact enum names are refused), camelCase members, optional members left out
/// when null, and date-times written "without fractional second part" with their offset, as every Apaleo spec says.
/// Metadata comes from the source-generated <see cref="ApaleoWireContext"/>.
/// </summary>
internal static class ApaleoJson
{
    /// <summary>Gets the options; read-only.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Gets the metadata of a wire type.</summary>
    /// <typeparam name="T">The type; one of <see cref="ApaleoWireContext"/>'s.</typeparam>
    /// <returns>The metadata, bound to <see cref="Options"/>.</returns>
    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions Create()
    {
        JsonSerializerOptions options = StrictJson.CreateOptions(JsonNamingPolicy.CamelCase);
        options.Converters.Add(new StrictDateTimeOffsetConverter(allowFractionalSeconds: false));
        options.TypeInfoResolver = ApaleoWireContext.Default;
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>Source-generated metadata of every Apaleo wire type the simulator reads or writes.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateBookingModel))]
[JsonSerializable(typeof(DesiredStayDetailsModel))]
[JsonSerializable(typeof(BookReservationServiceModel))]
[JsonSerializable(typeof(List<PatchOperationModel>))]
[JsonSerializable(typeof(GuestModel))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(TravelPurpose))]
[JsonSerializable(typeof(List<GuestModel>))]
[JsonSerializable(typeof(CommissionModel))]
[JsonSerializable(typeof(CreatePaymentAccountModel))]
[JsonSerializable(typeof(CreateSubscriptionModel))]
[JsonSerializable(typeof(MessageItemCollection))]
[JsonSerializable(typeof(PropertyListModel))]
[JsonSerializable(typeof(PropertyModel))]
[JsonSerializable(typeof(UnitGroupListModel))]
[JsonSerializable(typeof(UnitGroupModel))]
[JsonSerializable(typeof(RatePlanListModel))]
[JsonSerializable(typeof(ServiceListModel))]
[JsonSerializable(typeof(RateListModel))]
[JsonSerializable(typeof(ReplaceRateListModel))]
[JsonSerializable(typeof(AvailableUnitGroupListModel))]
[JsonSerializable(typeof(StayOffersModel))]
[JsonSerializable(typeof(ServiceOffersModel))]
[JsonSerializable(typeof(BookingCreatedModel))]
[JsonSerializable(typeof(ReservationModel))]
[JsonSerializable(typeof(BookingModel))]
[JsonSerializable(typeof(ReservationListModel))]
[JsonSerializable(typeof(ReservationServiceListModel))]
[JsonSerializable(typeof(AutoAssignedUnitListModel))]
[JsonSerializable(typeof(SubscriptionCreatedModel))]
[JsonSerializable(typeof(SubscriptionModel))]
[JsonSerializable(typeof(List<SubscriptionModel>))]
[JsonSerializable(typeof(WebhookErrorModel))]
[JsonSerializable(typeof(WebhookEventModel))]
internal sealed partial class ApaleoWireContext : JsonSerializerContext;
