using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.ContractTests.Live;

/// <summary>
/// One vendor's live run in this test process: shared by the fixtures of its areas (xunit makes one per test class), it
/// sweeps leftovers of a crashed run once before any test books, gathers every test's result, and writes the
/// certification each time the last running fixture ends, after a final sweep that counts (and in full mode cancels)
/// what is left.
/// </summary>
internal sealed class LiveSandboxRun
{
    private static readonly ConcurrentDictionary<string, LiveSandboxRun> Runs = new(StringComparer.Ordinal);

    private readonly LiveSandboxSettings _settings;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, ContractKitTestResult>> _areas = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;
    private Task<int>? _startSweep;
    private ServiceProvider? _services;
    private int _activeFixtures;
    private readonly ConcurrentDictionary<string, byte> _stuck = new(StringComparer.Ordinal);
    private int _created;
    private int _cancelledAtEnd;
    private string? _connectorVersion;

    private LiveSandboxRun(LiveSandboxSettings settings) => _settings = settings;

    /// <summary>Gets the run of a vendor's settings (one per certification file).</summary>
    /// <param name="settings">The settings.</param>
    /// <returns>The run.</returns>
    public static LiveSandboxRun For(LiveSandboxSettings settings) =>
        Runs.GetOrAdd(settings.Vendor + "|" + settings.ResultsPath, _ => new LiveSandboxRun(settings));

    /// <summary>
    /// Gets the run's connector to the sandbox: one container, so one credential and one rate limiter for the account
    /// whatever the number of area fixtures running side by side (as one application would be one client of it).
    /// </summary>
    /// <param name="build">Builds the container, the first time.</param>
    /// <param name="hotelId">The hotel the sandbox is registered under.</param>
    /// <param name="cancellationToken">A token that cancels the wait.</param>
    /// <returns>The vendor's connector.</returns>
    public async Task<IPmsConnector> ConnectAsync(Func<ServiceProvider> build, string hotelId, CancellationToken cancellationToken)
    {
        // The gate keeps a fixture from taking the container a finishing run is disposing.
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _services ??= build();
            return _services.GetRequiredKeyedService<IPmsConnector>(hotelId);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Counts a fixture in; the certification is written when the count drops back to zero.</summary>
    public void FixtureStarted() => Interlocked.Increment(ref _activeFixtures);

    /// <summary>Cancels leftovers of an earlier run, once per run, before any test books (full mode only: a read-only run changes nothing).</summary>
    /// <param name="connector">The vendor's connector.</param>
    /// <param name="cancellationToken">A token that cancels the sweep.</param>
    /// <returns>A task that completes when the sweep is done.</returns>
    public Task SweepAtStartAsync(IPmsConnector connector, CancellationToken cancellationToken)
    {
        _connectorVersion ??= connector.GetType().Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];
        return LazyInitializer.EnsureInitialized(ref _startSweep, () => SweepAsync(connector, cancellationToken));

        async Task<int> SweepAsync(IPmsConnector vendor, CancellationToken token)
        {
            if (_settings.Mode != LiveSandboxMode.Full)
            {
                return 0;
            }

            var leftovers = await LiveSandboxSweeper.FindAsync(vendor, _settings.FirstNight, _settings.Nights, token);
            var stuck = await LiveSandboxSweeper.CancelAsync(vendor, leftovers, token);
            if (stuck.Count > 0)
            {
                throw new InvalidOperationException($"Leftovers of an earlier kit run could not be cancelled at {_settings.Vendor}: {string.Join(", ", stuck)}. Cancel them by hand, or move the window ({_settings.Prefix}{LiveSandboxSettings.FirstNightVariable}).");
            }

            return leftovers.Count;
        }
    }

    /// <summary>Records how a test ended.</summary>
    /// <param name="area">The kit area.</param>
    /// <param name="test">The test.</param>
    /// <param name="result">How it ended.</param>
    public void Record(string area, string test, ContractKitTestResult result) =>
        _areas.GetOrAdd(area, _ => new ConcurrentDictionary<string, ContractKitTestResult>(StringComparer.Ordinal))[test] = result;

    /// <summary>Counts a fixture out: it hands over what it created; the last one out sweeps the window and writes the certification.</summary>
    /// <param name="connector">The vendor's connector (not the read-only guard: the final sweep must be able to cancel in full mode).</param>
    /// <param name="ledger">What the fixture booked.</param>
    /// <param name="cancellationToken">A token that cancels the sweep.</param>
    /// <returns>A task that completes when the fixture is counted out.</returns>
    public async Task FixtureEndedAsync(IPmsConnector connector, LiveSandboxLedger ledger, CancellationToken cancellationToken)
    {
        // What the kit's own cleanup missed (a test that booked outside its helpers) is cancelled by the ledger; what
        // stays live anywhere counts as left behind.
        var notCancelled = _settings.Mode == LiveSandboxMode.Full ? await LiveSandboxSweeper.CancelAsync(connector, ledger.NotCancelled, cancellationToken) : ledger.NotCancelled;
        foreach (var id in notCancelled)
        {
            _stuck.TryAdd(id, 0);
        }

        Interlocked.Add(ref _created, ledger.CreatedCount);
        if (Interlocked.Decrement(ref _activeFixtures) > 0)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            // The window's sweep finds what no ledger knows: creates whose outcome stayed unknown, or a crashed fixture's.
            // A read-only run books nothing, so it has nothing to sweep.
            IReadOnlyList<string> leftovers = _settings.Mode == LiveSandboxMode.Full ? await LiveSandboxSweeper.FindAsync(connector, _settings.FirstNight, _settings.Nights, cancellationToken) : [];
            var stillLive = await LiveSandboxSweeper.CancelAsync(connector, leftovers, cancellationToken);
            Interlocked.Add(ref _cancelledAtEnd, leftovers.Count - stillLive.Count);
            var sweptAtStart = _startSweep is { IsCompletedSuccessfully: true } sweep ? sweep.Result : 0;
            new ContractKitCertification
            {
                Vendor = _settings.Vendor,
                KitVersion = ContractKit.Version,
                ConnectorVersion = _connectorVersion,
                Mode = _settings.Mode,
                StartedAt = _startedAt,
                CompletedAt = DateTimeOffset.UtcNow,
                Areas = [.. _areas.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new ContractKitAreaResult(a.Key, [.. a.Value.Values.OrderBy(t => t.Test, StringComparer.Ordinal)]))],
                ReservationsCreated = Volatile.Read(ref _created),
                LeftoverReservations = stillLive.Union(_stuck.Keys, StringComparer.Ordinal).Count(),
                CancelledAtEnd = Volatile.Read(ref _cancelledAtEnd),
                LeftoversSweptAtStart = sweptAtStart,
            }.Save(_settings.ResultsPath);

            if (_services is not null && Volatile.Read(ref _activeFixtures) == 0)
            {
                await _services.DisposeAsync();
                _services = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
