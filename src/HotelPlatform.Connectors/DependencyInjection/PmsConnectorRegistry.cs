using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace HotelPlatform.Connectors;

/// <summary>Makes each hotel's connector once, wraps it with the registered middleware and telemetry, and hands it out.</summary>
internal sealed class PmsConnectorRegistry : IPmsConnectorRegistry, IAsyncDisposable, IDisposable
{
    private readonly IServiceProvider _services;
    private readonly Dictionary<string, PmsHotelRegistration> _byId;
    private readonly IReadOnlyList<PmsConnectorDecorator> _decorators;
    private readonly ConcurrentDictionary<string, Lazy<IPmsConnector>> _connectors = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IDisposable> _subscriptions = [];

    public PmsConnectorRegistry(IServiceProvider services, IEnumerable<PmsHotelRegistration> hotels, IEnumerable<PmsConnectorDecorator> decorators, IEnumerable<PmsHotelOptionsChanges>? optionsChanges = null)
    {
        _services = services;
        Hotels = hotels.ToList();
        _byId = Hotels.ToDictionary(h => h.HotelId, StringComparer.OrdinalIgnoreCase);
        _decorators = decorators.ToList();

        // A hotel whose options changed gets a new connector on its next use; calls already running finish on the old one.
        foreach (var changes in optionsChanges ?? [])
        {
            if (changes.Subscribe(services, () => _connectors.TryRemove(changes.HotelId, out _)) is { } subscription)
            {
                _subscriptions.Add(subscription);
            }
        }
    }

    public IReadOnlyList<PmsHotelRegistration> Hotels { get; }

    public IPmsConnector Get(string hotelId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hotelId);
        return TryGet(hotelId, out var connector)
            ? connector
            : throw new KeyNotFoundException($"No hotel '{hotelId}' is registered. Registered hotels: {(Hotels.Count == 0 ? "(none)" : string.Join(", ", Hotels.Select(h => h.HotelId)))}.");
    }

    public bool TryGet(string hotelId, [NotNullWhen(true)] out IPmsConnector? connector)
    {
        ArgumentNullException.ThrowIfNull(hotelId);
        if (!_byId.TryGetValue(hotelId, out var registration))
        {
            connector = null;
            return false;
        }

        connector = _connectors.GetOrAdd(registration.HotelId, _ => new Lazy<IPmsConnector>(() => Build(registration))).Value;
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        _subscriptions.ForEach(s => s.Dispose());
        foreach (var lazy in _connectors.Values.Where(l => l.IsValueCreated))
        {
            switch (lazy.Value)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    /// <summary>
    /// Disposes the connectors made so far when the container is disposed synchronously (<c>using var provider = ...</c>);
    /// without it the container throws because the registry is only <see cref="IAsyncDisposable"/>. A connector that is
    /// only asynchronously disposable is disposed by blocking on it, as the container itself does for such services.
    /// </summary>
    public void Dispose()
    {
        _subscriptions.ForEach(s => s.Dispose());
        foreach (var lazy in _connectors.Values.Where(l => l.IsValueCreated))
        {
            switch (lazy.Value)
            {
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
                case IAsyncDisposable asyncDisposable:
                    asyncDisposable.DisposeAsync().AsTask().GetAwaiter().GetResult();
                    break;
            }
        }
    }

    private IPmsConnector Build(PmsHotelRegistration registration)
    {
        var connector = registration.Factory(_services)
            ?? throw new InvalidOperationException($"The factory of hotel '{registration.HotelId}' returned null.");

        // The first Use() is the outermost layer, so wrap in reverse registration order.
        for (var i = _decorators.Count - 1; i >= 0; i--)
        {
            connector = _decorators[i].Decorate(connector, _services);
        }

        return PmsRuntime.WrapWithTelemetry(connector, registration, _services);
    }
}
