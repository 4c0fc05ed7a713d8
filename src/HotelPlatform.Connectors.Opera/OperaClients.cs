using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Opera.Wire;

namespace HotelPlatform.Connectors.Opera;

/// <summary>The hotel's Refit client over its named <see cref="HttpClient"/> (the runtime's pipeline), remade by <see cref="PmsClientCache{TOptions, TClients}"/>.</summary>
internal sealed class OperaClients(IHttpClientFactory factory, string hotelId, Func<OperaOptions> options, TimeProvider timeProvider)
{
    private readonly PmsClientCache<OperaOptions, IOperaApi> _cache = new(options, _ => OperaRefit.For(factory.CreateClient(ClientName(hotelId))), timeProvider);

    public IOperaApi Api => _cache.Current;

    public static string ClientName(string hotelId) => $"{PmsVendors.Opera}:{hotelId}";
}
