using HotelPlatform.Connectors.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors.GuestSync.Tests;

public sealed class GuestSyncWebhookTests : IDisposable
{
    private static readonly GuestProfile Ada = new("Lovelace") { FirstName = "Ada", Email = "ADA@example.com", Phone = "030 12345678" };
    private readonly Chain _chain = new("muc", "ber");
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly GuestKeyLocks _locks = new();

    public void Dispose()
    {
        _locks.Dispose();
        _chain.Dispose();
    }

    private GuestSyncEventHandler Handler(bool enabled = true)
    {
        var services = new ServiceCollection();
        if (enabled)
        {
            services.AddSingleton(_chain.Service());
        }

        return new GuestSyncEventHandler(services.BuildServiceProvider(), Options.Create(new GuestSyncWebhookOptions { Enabled = enabled }), _locks);
    }

    private PmsEventContext Event(PmsEvent pmsEvent, GuestProfile guest, string hotelId = "muc") => new()
    {
        HotelId = hotelId,
        Event = pmsEvent,
        Reservation = new Reservation("R-1", "MUC", ReservationStatus.Confirmed, _chain.Pms["muc"].Today, _chain.Pms["muc"].Today.AddDays(2), guest),
    };

    private ReservationCreatedEvent Created => new("E-1", "inmemory", "MUC", _chain.Clock.GetUtcNow(), "R-1");

    [Fact]
    public async Task A_reservation_created_at_a_hotel_of_the_chain_syncs_its_guest_across_the_chain()
    {
        await _chain.SeedAsync("muc", Ada);

        await Handler().HandleAsync(Event(Created, Ada), _ct);

        var golden = await _chain.Store.FindAsync("ada@example.com", null, _ct);
        Assert.NotNull(golden);
        Assert.Equal("+493012345678", golden[GuestField.Phone]);
        Assert.Single(_chain.Pms["ber"].Guests, g => g.Email == "ada@example.com");
    }

    [Fact]
    public async Task A_modified_reservation_syncs_again_and_a_redelivered_event_writes_nothing_new()
    {
        await _chain.SeedAsync("muc", Ada);
        var modified = new ReservationModifiedEvent("E-2", "inmemory", "MUC", _chain.Clock.GetUtcNow(), "R-1");
        await Handler().HandleAsync(Event(modified, Ada), _ct);
        var writes = _chain.Connectors.Keys.ToDictionary(h => h, _chain.Writes);
        var version = (await _chain.Store.FindAsync("ada@example.com", null, _ct))!.Version;

        await Handler().HandleAsync(Event(modified, Ada), _ct);

        Assert.Equal(writes, _chain.Connectors.Keys.ToDictionary(h => h, _chain.Writes));
        Assert.Equal(version, (await _chain.Store.FindAsync("ada@example.com", null, _ct))!.Version);
    }

    [Fact]
    public async Task Every_guest_of_the_reservation_is_synced_once_per_key()
    {
        var grace = new GuestProfile("Hopper") { FirstName = "Grace", Email = "grace@example.com" };
        var noKey = new GuestProfile("Nobody") { FirstName = "Anne" };
        await _chain.SeedAsync("muc", Ada);
        await _chain.SeedAsync("muc", grace);
        var context = new PmsEventContext { HotelId = "muc", Event = Created, Reservation = Event(Created, Ada).Reservation! with { AdditionalGuests = [grace, noKey, Ada with { Phone = null }] } };

        await Handler().HandleAsync(context, _ct);

        Assert.NotNull(await _chain.Store.FindAsync("ada@example.com", null, _ct));
        Assert.NotNull(await _chain.Store.FindAsync("grace@example.com", null, _ct));
        Assert.Single(_chain.Pms["ber"].Guests, g => g.Email == "ada@example.com");
        Assert.Single(_chain.Pms["ber"].Guests, g => g.Email == "grace@example.com");
        Assert.DoesNotContain(_chain.Pms["ber"].Guests, g => g.LastName == "Nobody");
    }

    [Fact]
    public async Task A_guest_updated_at_a_hotel_is_read_from_its_PMS_and_synced_and_the_echo_writes_nothing()
    {
        var seeded = await _chain.SeedAsync("muc", Ada);
        await Handler().HandleAsync(Event(Created, Ada), _ct);
        await _chain.Connectors["muc"].UpsertGuestAsync(_chain.Guest("muc", seeded.VendorId!) with { Phone = "030 99999999" }, _ct);
        _chain.Clock.Advance(TimeSpan.FromMinutes(1));
        var updated = new GuestUpdatedEvent("E-4", "inmemory", "MUC", _chain.Clock.GetUtcNow(), seeded.VendorId!);

        await Handler().HandleAsync(new PmsEventContext { HotelId = "muc", Event = updated }, _ct);
        var writes = _chain.Connectors.Keys.ToDictionary(h => h, _chain.Writes);
        var berlin = _chain.Pms["ber"].Guests.Single(g => g.Email == "ada@example.com");
        var echo = new GuestUpdatedEvent("E-5", "inmemory", "BER", _chain.Clock.GetUtcNow(), berlin.VendorId!);
        await Handler().HandleAsync(new PmsEventContext { HotelId = "ber", Event = echo }, _ct);

        Assert.Equal("+493099999999", berlin.Phone);
        Assert.Equal("+493099999999", (await _chain.Store.FindAsync("ada@example.com", null, _ct))![GuestField.Phone]);
        Assert.Equal(writes, _chain.Connectors.Keys.ToDictionary(h => h, _chain.Writes));
    }

    [Fact]
    public async Task A_guest_update_naming_a_profile_the_PMS_no_longer_has_syncs_nothing()
    {
        var gone = new GuestUpdatedEvent("E-6", "inmemory", "MUC", _chain.Clock.GetUtcNow(), "no-such-guest");

        await Handler().HandleAsync(new PmsEventContext { HotelId = "muc", Event = gone }, _ct);

        Assert.Equal(0, _chain.Writes("ber"));
    }

    [Fact]
    public async Task Events_that_name_no_guest_of_the_chain_sync_nothing()
    {
        await _chain.SeedAsync("muc", Ada);
        var cancelled = new ReservationCancelledEvent("E-3", "inmemory", "MUC", _chain.Clock.GetUtcNow(), "R-1");

        await Handler().HandleAsync(Event(cancelled, Ada), _ct);
        await Handler().HandleAsync(Event(Created, Ada, hotelId: "lisbon"), _ct);
        await Handler().HandleAsync(Event(Created, new GuestProfile("Lovelace") { FirstName = "Ada", Email = "not-an-address" }), _ct);
        await Handler().HandleAsync(new PmsEventContext { HotelId = "muc", Event = Created, ReservationNotFound = true }, _ct);

        Assert.Null(await _chain.Store.FindAsync("ada@example.com", null, _ct));
        Assert.Equal(0, _chain.Writes("ber"));
    }

    [Fact]
    public async Task A_switched_off_trigger_needs_no_chain_and_syncs_nothing()
    {
        await _chain.SeedAsync("muc", Ada);

        await Handler(enabled: false).HandleAsync(Event(Created, Ada), _ct);

        Assert.Null(await _chain.Store.FindAsync("ada@example.com", null, _ct));
    }

    [Fact]
    public async Task A_failing_sync_throws_so_the_dispatcher_retries_the_event()
    {
        await _chain.SeedAsync("muc", Ada);
        var store = new ThrowingStore();
        var services = new ServiceCollection().AddSingleton(new GuestSyncService(_chain.Connectors.Select(c => new GuestSyncHotel(c.Key, c.Value, "DE")), store)).BuildServiceProvider();
        var handler = new GuestSyncEventHandler(services, Options.Create(new GuestSyncWebhookOptions()), _locks);

        await Assert.ThrowsAsync<GoldenGuestConcurrencyException>(() => handler.HandleAsync(Event(Created, Ada), _ct).AsTask());

        // The lock of the guest's key was given back: the retry runs.
        await Assert.ThrowsAsync<GoldenGuestConcurrencyException>(() => handler.HandleAsync(Event(Created, Ada), _ct).AsTask());
    }

    [Fact]
    public async Task Work_on_one_guest_key_waits_for_the_holder_and_runs_when_it_lets_go()
    {
        var held = await _locks.EnterAsync("email:ada@example.com", _ct);

        var waiting = _locks.EnterAsync("email:ada@example.com", _ct);

        Assert.False(waiting.IsCompleted);
        held.Dispose();
        held.Dispose(); // Letting go twice releases once.
        (await waiting).Dispose();
        (await _locks.EnterAsync("email:ada@example.com", _ct)).Dispose();
    }

    [Fact]
    public async Task AddGuestSync_builds_the_chain_from_the_registered_hotels_in_the_configured_order()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hotels:muc:Vendor"] = "inmemory",
            ["Hotels:ber:Vendor"] = "inmemory",
            ["GuestSync:Store"] = Path.Combine(_chain.Folder, "trigger.db"),
            ["GuestSync:Hotels:0:HotelId"] = "muc",
            ["GuestSync:Hotels:0:PhoneRegion"] = "DE",
            ["GuestSync:Hotels:1:HotelId"] = "ber",
            ["GuestSync:Hotels:1:PhoneRegion"] = "AT",
        }).Build();
        var services = new ServiceCollection();
        services.AddPmsConnectors().AddInMemoryVendor().AddFromConfiguration(configuration.GetSection("Hotels"));
        services.AddPmsWebhooks().AddGuestSync(o => configuration.GetSection("GuestSync").Bind(o));
        await using var provider = services.BuildServiceProvider();

        var sync = provider.GetRequiredService<GuestSyncService>();

        Assert.Equal([("muc", "DE"), ("ber", "AT")], sync.Hotels.Select(h => (h.HotelId, h.DefaultRegion)));
        Assert.IsType<SqliteGoldenGuestStore>(provider.GetRequiredService<IGoldenGuestStore>());
        await using var scope = provider.CreateAsyncScope();
        Assert.Contains(scope.ServiceProvider.GetServices<IPmsEventHandler>(), h => h is GuestSyncEventHandler);
    }

    [Fact]
    public void An_enabled_trigger_without_hotels_is_refused_at_start()
    {
        var services = new ServiceCollection();
        services.AddPmsWebhooks().AddGuestSync(_ => { });
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GuestSyncWebhookOptions>>().Value);
    }

    /// <summary>A store another host always beats: every save is refused.</summary>
    private sealed class ThrowingStore : IGoldenGuestStore
    {
        public Task<GoldenGuest?> GetAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult<GoldenGuest?>(null);

        public Task<GoldenGuest?> FindAsync(string? email, string? phone, CancellationToken cancellationToken = default) => Task.FromResult<GoldenGuest?>(null);

        public Task<GoldenGuest> SaveAsync(GoldenGuest guest, IReadOnlyList<GuestFieldConflict> conflicts, CancellationToken cancellationToken = default) =>
            throw new GoldenGuestConcurrencyException("Another host created this guest first.");

        public Task<IReadOnlyList<GuestFieldConflict>> GetConflictsAsync(string goldenGuestId, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<GuestFieldConflict>>([]);

        public Task<bool> EraseAsync(string goldenGuestId, CancellationToken cancellationToken = default) => Task.FromResult(false);
    }
}
