using System.Globalization;
using HotelPlatform.Connectors.Http;
using Refit;

namespace HotelPlatform.Connectors.Cloudbeds.Wire;

/// <summary>
/// The hotel's <see cref="ICloudbedsApi"/> over its named <see cref="HttpClient"/> (the runtime's pipeline: credential,
/// rate limiter, classification, resilience). The client is kept in the runtime's <see cref="PmsClientCache{TOptions, TClients}"/>
/// for the factory's handler lifetime and made anew from <see cref="IHttpClientFactory"/> after it, or at once when the
/// hotel's options change, so the factory's handler rotation and an options reload reach a connector that lives as long
/// as the application without a client made per call (ADR 0015).
/// </summary>
internal sealed class CloudbedsClient(IHttpClientFactory factory, string hotelId, Func<CloudbedsOptions> options, TimeProvider timeProvider)
{
    private static readonly RefitSettings Settings = new(SystemTextJsonContentSerializer.ForContext(CloudbedsJsonContext.Default), new InvariantUrlParameterFormatter());

    private readonly PmsClientCache<CloudbedsOptions, ICloudbedsApi> _api = new(options, _ => RestService.ForGenerated<ICloudbedsApi>(factory.CreateClient(Name(hotelId)), Settings), timeProvider);

    /// <summary>Gets the client for the next call.</summary>
    public ICloudbedsApi Api => _api.Current;

    /// <summary>The name of a hotel's HTTP client.</summary>
    public static string Name(string hotelId) => $"{PmsVendors.Cloudbeds}:{hotelId}";

    /// <summary>Query values in the invariant culture (numbers), as Cloudbeds' PHP back end reads them.</summary>
    private sealed class InvariantUrlParameterFormatter : DefaultUrlParameterFormatter
    {
        public override string? Format(object? value, System.Reflection.ICustomAttributeProvider attributeProvider, Type type) =>
            value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : base.Format(value, attributeProvider, type);
    }
}
