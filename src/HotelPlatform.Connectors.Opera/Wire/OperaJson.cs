using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization;
using Refit;

namespace HotelPlatform.Connectors.Opera.Wire;

/// <summary>System.Text.Json source generation for every OHIP wire type: camelCase, absent members left out, dates <c>yyyy-MM-dd</c>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(OperaDateTimeConverter)])]
[JsonSerializable(typeof(ReservationEnvelope))]
[JsonSerializable(typeof(CreateReservationRequest))]
[JsonSerializable(typeof(ChangeReservationRequest))]
[JsonSerializable(typeof(CancelReservationRequest))]
[JsonSerializable(typeof(ReservationsDetails))]
[JsonSerializable(typeof(HotelAvailability))]
[JsonSerializable(typeof(HotelInventory))]
[JsonSerializable(typeof(RestrictionsResponse))]
[JsonSerializable(typeof(RoomTypesDetails))]
[JsonSerializable(typeof(RatePlanInfo))]
[JsonSerializable(typeof(ProfileEnvelope))]
[JsonSerializable(typeof(ProfileSummaries))]
[JsonSerializable(typeof(ProblemModel))]
[JsonSerializable(typeof(BlockEnvelope))]
[JsonSerializable(typeof(BusinessEvents))]
[JsonSerializable(typeof(PackagesInfo))]
[JsonSerializable(typeof(PackageAvailability))]
[JsonSerializable(typeof(ReservationPackagesRequest))]
[JsonSerializable(typeof(List<BusinessEventData>))]
[JsonSerializable(typeof(StatusModel))]
[JsonSerializable(typeof(CreateRestrictionRequest))]
[JsonSerializable(typeof(RatePlanSchedulesToSet))]
internal sealed partial class OperaJsonContext : JsonSerializerContext;

/// <summary>Refit settings of the OHIP clients: the source-generated context, query values as OHIP writes them.</summary>
internal static class OperaRefit
{
    public static RefitSettings Settings { get; } = new(SystemTextJsonContentSerializer.ForContext(OperaJsonContext.Default), new QueryFormatter());

    public static IOperaApi For(HttpClient httpClient) => RestService.ForGenerated<IOperaApi>(httpClient, Settings);

    /// <summary>Formats an OHIP <c>format: date</c> value.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Booleans as <c>true</c>/<c>false</c> (Refit's default writes <c>True</c>).</summary>
    private sealed class QueryFormatter : IUrlParameterFormatter
    {
        private readonly DefaultUrlParameterFormatter _fallback = new();

        public string? Format(object? value, ICustomAttributeProvider attributeProvider, Type type) => value switch
        {
            bool flag => flag ? "true" : "false",
            DateOnly date => Date(date),
            _ => _fallback.Format(value, attributeProvider, type),
        };
    }
}

/// <summary>
/// OHIP date-times: the documents declare <c>format: date-time</c>, yet Oracle's own examples write
/// <c>2020-01-28 14:33:54.0</c> (no <c>T</c>, no offset). Both are read; one without an offset is taken as UTC (Oracle does
/// not say which zone it is in). Written as ISO 8601.
/// </summary>
internal sealed class OperaDateTimeConverter : JsonConverter<DateTimeOffset>
{
    private static readonly string[] OracleFormats = ["yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd"];

    public override DateTimeOffset Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)
            || DateTimeOffset.TryParseExact(text, OracleFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out iso)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out iso))
        {
            return iso;
        }

        throw new System.Text.Json.JsonException($"'{text}' is not an OHIP date-time.");
    }

    public override void Write(System.Text.Json.Utf8JsonWriter writer, DateTimeOffset value, System.Text.Json.JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
}
