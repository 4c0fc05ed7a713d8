using HotelPlatform.Connectors.Apaleo;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Apaleo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.GuestSync.Tests;

/// <summary>
/// A chain with a real vendor: the Apaleo connector against the Apaleo simulator on loopback, beside an in-memory PMS.
/// Apaleo keeps guests on reservations only, so it is read (its seeded guest) but never written.
/// </summary>
public sealed class ApaleoChainTests : IAsyncDisposable
{
    private readonly Chain _chain = new("muc");
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private ApaleoSimulator? _simulator;
    private ServiceProvider? _services;

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }

        _chain.Dispose();
    }

    [Fact]
    public async Task The_Apaleo_guest_joins_the_golden_record_is_reported_as_not_writable_and_a_re_run_writes_nothing()
    {
        var apaleo = await StartApaleoAsync();
        var known = _simulator!.Scenario.KnownGuest;
        var muc = await _chain.SeedAsync("muc", new GuestProfile(known.LastName.ToUpperInvariant()) { FirstName = known.FirstName, Email = known.Email.ToUpperInvariant(), Phone = "+49 89 1234567" });
        var service = new GuestSyncService([new("ber", apaleo, "DE"), new("muc", _chain.Connectors["muc"], "DE")], _chain.Store, timeProvider: _chain.Clock);
        var request = new GuestSyncRequest { Email = known.Email };

        var report = await service.SyncAsync(request, _ct);

        var golden = (await _chain.Store.GetAsync(report.GoldenGuestId!, _ct))!;
        Assert.Equal((known.LastName, known.Email.ToLowerInvariant(), "+49891234567"), (golden[GuestField.LastName], golden[GuestField.Email], golden[GuestField.Phone]));
        Assert.Contains(golden.Links, l => l is { HotelId: "ber", VendorId: null });
        var skipped = report.Propagations.Single(p => p.HotelId == "ber");
        Assert.Equal(GuestPropagationOutcome.Skipped, skipped.Outcome);
        Assert.Contains("does not support UpsertGuest", skipped.Reason, StringComparison.Ordinal);
        Assert.Equal(GuestPropagationOutcome.UpToDate, report.Propagations.Single(p => p.HotelId == "muc").Outcome);
        Assert.Equal(0, _simulator.Requests.Count(r => r.Method != "GET" && !r.Path.StartsWith(ApaleoSimulator.TokenPath, StringComparison.Ordinal)));

        var again = await service.SyncAsync(request, _ct);

        Assert.False(again.HasChanges);
        Assert.Equal(golden.Version, (await _chain.Store.GetAsync(report.GoldenGuestId!, _ct))!.Version);
        // Apaleo cannot search by phone alone: said, and the e-mail search still ran.
        Assert.Contains(again.Issues, i => i is { Kind: GuestSyncIssueKind.CriterionNotSupported, HotelId: "ber", Field: GuestField.Phone });
        Assert.Equal(known.LastName.ToUpperInvariant(), _chain.Guest("muc", muc.VendorId!).LastName);
    }

    private async Task<IPmsConnector> StartApaleoAsync()
    {
        _simulator = new ApaleoSimulator(new SimulatorOptions { TimeProvider = _chain.Clock }, new ApaleoSimulatorOptions());
        await _simulator.StartAsync(_ct);
        var hotel = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BaseAddress"] = _simulator.BaseAddress.ToString(),
            ["WebhookAddress"] = _simulator.BaseAddress.ToString(),
            ["TokenEndpoint"] = new Uri(_simulator.BaseAddress, ApaleoSimulator.TokenPath).ToString(),
            ["PropertyId"] = _simulator.Scenario.PropertyId,
            ["ClientId"] = ApaleoSimulatorOptions.DefaultClientId,
            ["ClientSecret"] = ApaleoSimulatorOptions.DefaultClientSecret,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_chain.Clock);
        services.AddPmsConnectors().AddApaleo("ber", hotel);
        _services = services.BuildServiceProvider();
        return _services.GetRequiredKeyedService<IPmsConnector>("ber");
    }
}
