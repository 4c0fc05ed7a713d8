namespace HotelPlatform.Connectors.Http;

/// <summary>Carries a hotel's own settings (<see cref="PmsConnectorOptions"/>) into its HTTP pipeline, so that no vendor package maps them by hand.</summary>
public static class PmsHttpClientOptionsExtensions
{
    /// <summary>
    /// Copies the hotel's <see cref="PmsConnectorOptions.AttemptTimeout"/>, <see cref="PmsConnectorOptions.TotalTimeout"/>
    /// and <see cref="PmsConnectorOptions.MaxRetryAfter"/> onto <paramref name="httpOptions"/>. A vendor package calls it
    /// where it builds the pipeline's options from its own options class:
    /// <code>private static PmsHttpClientOptions HttpClientOptions(MyVendorOptions o) => new PmsHttpClientOptions { ... }.WithTimeoutsOf(o);</code>
    /// </summary>
    /// <param name="httpOptions">The pipeline's options.</param>
    /// <param name="hotelOptions">The hotel's options.</param>
    /// <returns><paramref name="httpOptions"/>.</returns>
    public static PmsHttpClientOptions WithTimeoutsOf(this PmsHttpClientOptions httpOptions, PmsConnectorOptions hotelOptions)
    {
        ArgumentNullException.ThrowIfNull(httpOptions);
        ArgumentNullException.ThrowIfNull(hotelOptions);
        httpOptions.AttemptTimeout = hotelOptions.AttemptTimeout;
        httpOptions.TotalTimeout = hotelOptions.TotalTimeout;
        httpOptions.MaxRetryAfter = hotelOptions.MaxRetryAfter;
        return httpOptions;
    }
}
