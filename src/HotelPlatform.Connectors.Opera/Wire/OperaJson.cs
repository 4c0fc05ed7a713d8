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
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ReservationEnvelope))]
[JsonSerializable(typeof(CreateReservationRequest))]
[JsonSerializable(typeof(ChangeReservationRequest))]
[JsonSerializable(typeof(CancelReservationRequest))]
[JsonSerializable(typeof(ReservationsDetails))]
[JsonSerializable(typeof(HotelAvailability))]
[JsonSerializable(typeof(HotelInventory))]
[JsonSerializable(typeof(RoomTypesDetails))]
[JsonSerializable(typeof(RatePlanInfo))]
[JsonSerializable(typeof(ProfileEnvelope))]
[JsonSerializable(typeof(ProfileSummaries))]
[JsonSerializable(typeof(ProblemModel))]
[JsonSerializable(typeof(BlockEnvelope))]
[JsonSerializable(typeof(BusinessEvents))]
[JsonSerializable(typeof(List<BusinessEventData>))]
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
