using HotelPlatform.Connectors.Opera.Wire;

namespace HotelPlatform.Connectors.Opera;

/// <summary>
/// The hotel's Refit client over its named <see cref="HttpClient"/> (the runtime's pipeline). Remade every
/// <see cref="Lifetime"/> and after a configuration reload, so that DNS changes and new settings are picked up.
/// </summary>
internal sealed class OperaClients
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    private readonly IHttpClientFactory _factory;
    private readonly string _hotelId;
    private readonly Func<OperaOptions> _options;
    private readonly TimeProvider _timeProvider;
    private Set? _current;

    public OperaClients(IHttpClientFactory factory, string hotelId, Func<OperaOptions> options, TimeProvider timeProvider)
    {
        _factory = factory;
        _hotelId = hotelId;
        _options = options;
        _timeProvider = timeProvider;
    }

    public IOperaApi Api => Current().Api;

    public static string ClientName(string hotelId) => $"{PmsVendors.Opera}:{hotelId}";

    private Set Current()
    {
        var options = _options();
        var now = _timeProvider.GetTimestamp();
        var current = Volatile.Read(ref _current);
        if (current is not null && ReferenceEquals(current.Options, options) && now < current.ExpiresAt)
        {
            return current;
        }

        var made = new Set(options, now + (long)(Lifetime.TotalSeconds * _timeProvider.TimestampFrequency), OperaRefit.For(_factory.CreateClient(ClientName(_hotelId))));
        Volatile.Write(ref _current, made);
        return made;
    }

    private sealed record Set(OperaOptions Options, long ExpiresAt, IOperaApi Api);
}
