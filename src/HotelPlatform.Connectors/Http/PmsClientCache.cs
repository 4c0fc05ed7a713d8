namespace HotelPlatform.Connectors.Http;

/// <summary>
/// A hotel's typed clients (Refit interfaces over its named <see cref="HttpClient"/>), made once and remade after
/// <see cref="Lifetime"/> (so the factory's handler rotation and DNS changes are picked up) or as soon as the hotel's
/// options instance changes (a configuration reload). No lock on the hot path: two callers may both make a set at
/// expiry; both work and the last one is kept.
/// </summary>
/// <typeparam name="TOptions">The hotel's options type.</typeparam>
/// <typeparam name="TClients">What is made from the options (one client or a record of several).</typeparam>
public sealed class PmsClientCache<TOptions, TClients>
    where TOptions : class
    where TClients : class
{
    /// <summary>How long a set is used by default before it is made again.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(2);

    private readonly Func<TOptions> _options;
    private readonly Func<TOptions, TClients> _create;
    private readonly TimeProvider _timeProvider;
    private Entry? _current;

    /// <summary>Initializes a new instance of the <see cref="PmsClientCache{TOptions, TClients}"/> class.</summary>
    /// <param name="options">The hotel's current options (a new instance after a reload).</param>
    /// <param name="create">Makes the clients, typically from <see cref="IHttpClientFactory.CreateClient(string)"/>.</param>
    /// <param name="timeProvider">The clock of the lifetime.</param>
    /// <param name="lifetime">How long a set is used; <see cref="DefaultLifetime"/> when <see langword="null"/>.</param>
    public PmsClientCache(Func<TOptions> options, Func<TOptions, TClients> create, TimeProvider timeProvider, TimeSpan? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options;
        _create = create;
        _timeProvider = timeProvider;
        Lifetime = lifetime ?? DefaultLifetime;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Lifetime, TimeSpan.Zero, nameof(lifetime));
    }

    /// <summary>Gets how long a set is used before it is made again.</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>Gets the clients for the current options, made now if none are current.</summary>
    public TClients Current
    {
        get
        {
            var options = _options();
            var now = _timeProvider.GetTimestamp();
            var current = Volatile.Read(ref _current);
            if (current is not null && ReferenceEquals(current.Options, options) && now < current.ExpiresAt)
            {
                return current.Clients;
            }

            var made = new Entry(options, now + (long)(Lifetime.TotalSeconds * _timeProvider.TimestampFrequency), _create(options));
            Volatile.Write(ref _current, made);
            return made.Clients;
        }
    }

    private sealed record Entry(TOptions Options, long ExpiresAt, TClients Clients);
}
