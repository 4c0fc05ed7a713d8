using System.Globalization;
using HotelPlatform.Connectors.Caching;
using HotelPlatform.Connectors.Http;
using Refit;

namespace HotelPlatform.Connectors.Cloudbeds.Wire;

/// <summary>
/// The hotel's <see cref="ICloudbedsApi"/> over its named <see cref="HttpClient"/> (the runtime's pipeline: credential,
/// rate limiter, classification, resilience), at the property's own API address.
/// </summary>
/// <remarks>
/// <para>
/// Cloudbeds distributes properties across localizations: <c>GET /oauth/metadata</c> at the configured address names
/// the API address of the property the credential belongs to (<c>data.api.url</c>, pms-v1.3-openapi.yaml). It is read
/// before the first call and kept in the runtime's reference-data cache (<see cref="PmsCachedValue{T}"/>, single flight,
/// for <see cref="PmsConnectorOptions.ReferenceDataLifetime"/>, read again after an options change); a failed read is not
/// kept. With <see cref="CloudbedsOptions.DiscoverApiAddress"/> off, the configured address is used as it is.
/// </para>
/// <para>
/// The Refit clients are kept in the runtime's <see cref="PmsClientCache{TOptions, TClients}"/> for the factory's handler
/// lifetime and made anew after it, or at once when the hotel's options change (ADR 0015).
/// </para>
/// </remarks>
internal sealed class CloudbedsClient
{
    private const string DiscoverOperation = "DiscoverApiAddress";

    private static readonly RefitSettings Settings = new(SystemTextJsonContentSerializer.ForContext(CloudbedsJsonContext.Default), new InvariantUrlParameterFormatter());

    private readonly IHttpClientFactory _factory;
    private readonly string _hotelId;
    private readonly Func<CloudbedsOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly PmsClientCache<CloudbedsOptions, ICloudbedsApi> _configured;
    private readonly PmsCachedValue<Uri> _apiAddress;
    private CloudbedsOptions? _discoveredFor;
    private Located? _located;

    public CloudbedsClient(IHttpClientFactory factory, string hotelId, Func<CloudbedsOptions> options, TimeProvider timeProvider)
    {
        _factory = factory;
        _hotelId = hotelId;
        _options = options;
        _timeProvider = timeProvider;
        _configured = new(options, _ => Create(address: null), timeProvider);
        _apiAddress = new PmsCachedValue<Uri>(DiscoverAsync, options().ReferenceDataLifetime, timeProvider);
    }

    /// <summary>The name of a hotel's HTTP client.</summary>
    public static string Name(string hotelId) => $"{PmsVendors.Cloudbeds}:{hotelId}";

    /// <summary>Calls the API at the property's address, discovering it first when it is not known yet.</summary>
    /// <typeparam name="TResult">The call's result.</typeparam>
    /// <param name="call">The call.</param>
    /// <param name="cancellationToken">Cancels the discovery wait.</param>
    /// <returns>The call's result.</returns>
    /// <exception cref="CloudbedsApiAddressException">Cloudbeds did not name a usable API address for the property.</exception>
    public async Task<TResult> CallAsync<TResult>(Func<ICloudbedsApi, Task<TResult>> call, CancellationToken cancellationToken) =>
        await call(await GetApiAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);

    private async ValueTask<ICloudbedsApi> GetApiAsync(CancellationToken cancellationToken)
    {
        var options = _options();
        if (!options.DiscoverApiAddress)
        {
            return _configured.Current;
        }

        if (!ReferenceEquals(Volatile.Read(ref _discoveredFor), options))
        {
            // Another base address or credential may name another API address.
            _apiAddress.Invalidate();
            Volatile.Write(ref _discoveredFor, options);
        }

        var address = await _apiAddress.GetAsync(cancellationToken).ConfigureAwait(false);
        var located = Volatile.Read(ref _located);
        if (located is null || located.Address != address)
        {
            located = new Located(address, new PmsClientCache<CloudbedsOptions, ICloudbedsApi>(_options, _ => Create(address), _timeProvider));
            Volatile.Write(ref _located, located);
        }

        return located.Clients.Current;
    }

    /// <summary><c>GET /oauth/metadata</c> at the configured address: the property's API address (<c>data.api.url</c>).</summary>
    private async Task<Uri> DiscoverAsync(CancellationToken cancellationToken)
    {
        var options = _options();
        var configured = options.BaseAddress ?? CloudbedsOptions.DefaultBaseAddress;
        MetadataModel? answer;
        try
        {
            using (PmsOperation.Begin(PmsOperationIntent.Read))
            {
                answer = await CloudbedsResponses.Instance.ReadAsync(_configured.Current.GetMetadataAsync(cancellationToken), new PmsCall(DiscoverOperation), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (PmsException ex) when (ex is not (PmsAuthenticationException or PmsRateLimitedException or PmsUnavailableException))
        {
            // The credential's, the quota's and the network's failures keep their own meaning; a refusal of the lookup does not.
            throw Failed(options, configured, $"Cloudbeds refused the lookup: {ex.Message}", ex);
        }

        var text = answer?.Data?.Api?.Url;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Failed(options, configured, "Cloudbeds answered without data.api.url.", null);
        }

        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw Failed(options, configured, $"data.api.url '{text}' is not an absolute http(s) address.", null);
        }

        // Refit appends method paths to the base address's path: it must end with a slash.
        return url.AbsolutePath.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }

    private CloudbedsApiAddressException Failed(CloudbedsOptions options, Uri configured, string why, PmsException? cause) =>
        new($"{PmsVendors.Cloudbeds} hotel '{_hotelId}' (property {options.PropertyId}): the property's API address could not be discovered with GET {configured.AbsoluteUri}oauth/metadata; {why} Set DiscoverApiAddress to false to use BaseAddress as it is.", cause)
        {
            Vendor = PmsVendors.Cloudbeds,
            Operation = DiscoverOperation,
            HotelId = _hotelId,
            PropertyId = options.PropertyId,
            StatusCode = cause?.StatusCode,
            VendorErrorCode = cause?.VendorErrorCode,
            VendorRequestId = cause?.VendorRequestId,
        };

    private ICloudbedsApi Create(Uri? address)
    {
        var client = _factory.CreateClient(Name(_hotelId));
        if (address is not null)
        {
            client.BaseAddress = address;
        }

        return RestService.ForGenerated<ICloudbedsApi>(client, Settings);
    }

    private sealed record Located(Uri Address, PmsClientCache<CloudbedsOptions, ICloudbedsApi> Clients);

    /// <summary>Query values in the invariant culture (numbers), as Cloudbeds' PHP back end reads them.</summary>
    private sealed class InvariantUrlParameterFormatter : DefaultUrlParameterFormatter
    {
        public override string? Format(object? value, System.Reflection.ICustomAttributeProvider attributeProvider, Type type) =>
            value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : base.Format(value, attributeProvider, type);
    }
}
