using Refit;

namespace HotelPlatform.Connectors.Apaleo.Wire;

/// <summary>Builds the Refit clients over <see cref="ApaleoJsonContext"/>: source-generated JSON only, no reflection fallback, and Apaleo's URL value formats.</summary>
internal static class ApaleoRefit
{
    /// <summary>Gets the settings every Apaleo client uses: JSON through <see cref="ApaleoJsonContext"/>, URL values through <see cref="ApaleoUrlParameterFormatter"/>.</summary>
    public static RefitSettings Settings { get; } = new(SystemTextJsonContentSerializer.ForContext(ApaleoJsonContext.Default), new ApaleoUrlParameterFormatter());

    /// <summary>Creates a client for one Apaleo API over an <see cref="HttpClient"/> whose base address is set (the core API or the Webhook API).</summary>
    /// <typeparam name="TApi">One of the <c>IApaleo*Api</c> interfaces.</typeparam>
    /// <param name="httpClient">The client; its handlers carry authentication, rate limiting and resilience.</param>
    /// <returns>The client.</returns>
    public static TApi For<TApi>(HttpClient httpClient)
        where TApi : class
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        return RestService.ForGenerated<TApi>(httpClient, Settings);
    }
}
