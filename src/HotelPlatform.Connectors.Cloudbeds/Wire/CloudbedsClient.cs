using System.Globalization;
using Refit;

namespace HotelPlatform.Connectors.Cloudbeds.Wire;

/// <summary>
/// The hotel's <see cref="ICloudbedsApi"/> over its named <see cref="HttpClient"/> (the runtime's pipeline: credential,
/// rate limiter, classification, resilience). A client is taken from <see cref="IHttpClientFactory"/> for each call,
/// so the factory's handler rotation and an options reload reach a connector that lives as long as the application;
/// Refit's generated client is a thin wrapper, cheap to make.
/// </summary>
internal sealed class CloudbedsClient(IHttpClientFactory factory, string hotelId)
{
    private static readonly RefitSettings Settings = new(SystemTextJsonContentSerializer.ForContext(CloudbedsJsonContext.Default), new InvariantUrlParameterFormatter());

    /// <summary>Gets a client for the next call.</summary>
    public ICloudbedsApi Api => RestService.ForGenerated<ICloudbedsApi>(factory.CreateClient(Name(hotelId)), Settings);

    /// <summary>The name of a hotel's HTTP client.</summary>
    public static string Name(string hotelId) => $"{PmsVendors.Cloudbeds}:{hotelId}";

    /// <summary>Query values in the invariant culture (numbers), as Cloudbeds' PHP back end reads them.</summary>
    private sealed class InvariantUrlParameterFormatter : DefaultUrlParameterFormatter
    {
        public override string? Format(object? value, System.Reflection.ICustomAttributeProvider attributeProvider, Type type) =>
            value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : base.Format(value, attributeProvider, type);
    }
}
