namespace HotelPlatform.Connectors.GuestSync.Tests.Storage;

/// <summary>
/// What every golden store must do, run against SQLite and PostgreSQL: unique guest keys (two syncs of one new guest
/// create one record), optimistic versions, and erasure of a record with its conflicts.
/// </summary>
public abstract class GoldenGuestStoreContract : IDisposable
{
    private static readonly GuestSyncRequest Ada = new() { Email = "ada@example.com" };
    private readonly Chain _chain = new("muc", "ber");

    protected CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Gets a temporary folder for file stores, deleted after the test.</summary>
    protected string Folder => _chain.Folder;

    /// <summary>Makes two stores on one fresh database, as two hosts would hold them.</summary>
    protected abstract Task<(IGoldenGuestStore First, IGoldenGuestStore Second)> NewHostsAsync();

    public void Dispose()
    {
        _chain.Dispose();
        GC.SuppressFinalize(this);
    }

    private GuestSyncService Service(IGoldenGuestStore store) =>
        new(_chain.Connectors.Select(c => new GuestSyncHotel(c.Key, c.Value, "DE")), store, null, _chain.Clock);

    private static GoldenGuest Record(string id, string? email, string? phone, long version = 0)
    {
        Dictionary<GuestField, GoldenFieldValue> fields = new() { [GuestField.LastName] = new("Lovelace", "muc", DateTimeOffset.MinValue) };
        if (email is not null)
        {
            fields[GuestField.Email] = new(email, "muc", DateTimeOffset.MinValue);
        }

        if (phone is not null)
        {
            fields[GuestField.Phone] = new(phone, "muc", DateTimeOffset.MinValue);
        }

        return new GoldenGuest(id, version, fields, []);
    }

    [Fact]
    public async Task Two_hosts_syncing_the_same_new_guest_at_once_create_one_golden_record_and_one_profile_per_PMS()
    {
        await _chain.SeedAsync("muc", new GuestProfile("Lovelace") { FirstName = "Ada", Email = "ada@example.com" });
        var (first, second) = await NewHostsAsync();

        // Both syncs look the guest up before either saves: both see a new guest, the race the unique key is for.
        var bothLookedUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lookups = 0;
        async Task Rendezvous()
        {
            if (Interlocked.Increment(ref lookups) == 2)
            {
                bothLookedUp.SetResult();
            }

            await bothLookedUp.Task.WaitAsync(Ct);
        }

        var syncs = new[] { Service(new RendezvousStore(first, Rendezvous)), Service(new RendezvousStore(second, Rendezvous)) }
            .Select(service => Task.Run(() => service.SyncAsync(Ada, Ct), Ct)).ToArray();
        var outcomes = await Task.WhenAll(syncs.Select(async sync =>
        {
            try
            {
                return (Report: (GuestSyncReport?)await sync, Error: (Exception?)null);
            }
            catch (GoldenGuestConcurrencyException exception)
            {
                return (Report: (GuestSyncReport?)null, Error: (Exception?)exception);
            }
        }));

        var winner = Assert.Single(outcomes, o => o.Report is not null).Report!;
        Assert.Single(outcomes, o => o.Error is GoldenGuestConcurrencyException);
        var golden = await first.FindAsync("ada@example.com", null, Ct);
        Assert.Equal(winner.GoldenGuestId, golden!.Id);

        // The loser threw before writing to any PMS: ber got one profile, not two.
        Assert.Single(_chain.Pms["ber"].Guests, g => g.Email == "ada@example.com");

        // Syncing again, as the exception says, finds the winner's record.
        var again = await Service(second).SyncAsync(Ada, Ct);
        Assert.Equal(golden.Id, again.GoldenGuestId);
        Assert.Single(_chain.Pms["ber"].Guests, g => g.Email == "ada@example.com");
    }

    [Fact]
    public async Task A_second_new_record_with_a_taken_e_mail_is_refused()
    {
        var (store, _) = await NewHostsAsync();
        await store.SaveAsync(Record("a", "ada@example.com", "+493012345678"), [], Ct);

        await Assert.ThrowsAsync<GoldenGuestConcurrencyException>(() => store.SaveAsync(Record("b", "ada@example.com", null), [], Ct));

        Assert.Null(await store.GetAsync("b", Ct));
    }

    [Fact]
    public async Task Records_without_e_mail_are_unique_by_phone_but_a_shared_phone_with_different_e_mails_is_allowed()
    {
        var (store, _) = await NewHostsAsync();
        await store.SaveAsync(Record("a", null, "+493012345678"), [], Ct);

        await Assert.ThrowsAsync<GoldenGuestConcurrencyException>(() => store.SaveAsync(Record("b", null, "+493012345678"), [], Ct));

        // A family sharing one phone, each with an own address: two guests.
        await store.SaveAsync(Record("c", "ada@example.com", "+493012345678"), [], Ct);
        await store.SaveAsync(Record("d", "byron@example.com", "+493012345678"), [], Ct);
        Assert.NotNull(await store.GetAsync("d", Ct));
    }

    [Fact]
    public async Task An_update_taking_another_records_e_mail_is_refused_and_changes_nothing()
    {
        var (store, _) = await NewHostsAsync();
        await store.SaveAsync(Record("a", "ada@example.com", null), [], Ct);
        var byron = await store.SaveAsync(Record("b", "byron@example.com", null), [], Ct);

        await Assert.ThrowsAsync<GoldenGuestConcurrencyException>(() => store.SaveAsync(Record("b", "ada@example.com", null, byron.Version), [], Ct));

        Assert.Equal("byron@example.com", (await store.GetAsync("b", Ct))![GuestField.Email]);
    }

    [Fact]
    public async Task A_save_from_a_stale_version_on_another_host_is_refused()
    {
        var (first, second) = await NewHostsAsync();
        var saved = await first.SaveAsync(Record("a", "ada@example.com", null), [], Ct);
        await second.SaveAsync(saved, [], Ct);

        await Assert.ThrowsAsync<GoldenGuestConcurrencyException>(() => first.SaveAsync(saved, [], Ct));
        Assert.Equal(2, (await first.GetAsync("a", Ct))!.Version);
    }

    [Fact]
    public async Task Erasing_a_guest_deletes_the_golden_record_and_its_conflicts_and_nothing_of_other_guests()
    {
        await _chain.SeedAsync("muc", new GuestProfile("Lovelace") { FirstName = "Ada", Email = "ada@example.com", Language = "de" });
        await _chain.SeedAsync("ber", new GuestProfile("Lovelace") { FirstName = "Ada", Email = "ada@example.com", Language = "en" });
        await _chain.SeedAsync("muc", new GuestProfile("Byron") { FirstName = "George", Email = "byron@example.com" });
        var (store, other) = await NewHostsAsync();
        var service = Service(store);
        var ada = await service.SyncAsync(Ada, Ct);
        var byron = await service.SyncAsync(new GuestSyncRequest { Email = "byron@example.com" }, Ct);
        Assert.NotEmpty(await store.GetConflictsAsync(ada.GoldenGuestId!, Ct));
        var stale = (await store.GetAsync(ada.GoldenGuestId!, Ct))!;

        Assert.Equal(ada.GoldenGuestId, await Service(other).EraseAsync(new GuestSyncRequest { Email = " ADA@example.com" }, Ct));

        Assert.Null(await store.GetAsync(ada.GoldenGuestId!, Ct));
        Assert.Null(await store.FindAsync("ada@example.com", null, Ct));
        Assert.Empty(await store.GetConflictsAsync(ada.GoldenGuestId!, Ct));
        Assert.NotNull(await store.GetAsync(byron.GoldenGuestId!, Ct));

        // A sync that read the record before the erasure cannot bring it back; erasing again finds nothing.
        await Assert.ThrowsAsync<GoldenGuestConcurrencyException>(() => store.SaveAsync(stale, [], Ct));
        Assert.Null(await store.GetAsync(ada.GoldenGuestId!, Ct));
        Assert.False(await store.EraseAsync(ada.GoldenGuestId!, Ct));
        Assert.Null(await service.EraseAsync(Ada, Ct));
    }

    /// <summary>A store whose look-ups meet at a rendezvous before answering, so two syncs both see the store as it was before either saved.</summary>
    private sealed class RendezvousStore(IGoldenGuestStore inner, Func<Task> rendezvous) : IGoldenGuestStore
    {
        public async Task<GoldenGuest?> FindAsync(string? email, string? phone, CancellationToken cancellationToken = default)
        {
            var found = await inner.FindAsync(email, phone, cancellationToken);
            await rendezvous();
            return found;
        }

        public Task<GoldenGuest?> GetAsync(string id, CancellationToken cancellationToken = default) => inner.GetAsync(id, cancellationToken);

        public Task<GoldenGuest> SaveAsync(GoldenGuest guest, IReadOnlyList<GuestFieldConflict> conflicts, CancellationToken cancellationToken = default) =>
            inner.SaveAsync(guest, conflicts, cancellationToken);

        public Task<IReadOnlyList<GuestFieldConflict>> GetConflictsAsync(string goldenGuestId, CancellationToken cancellationToken = default) =>
            inner.GetConflictsAsync(goldenGuestId, cancellationToken);

        public Task<bool> EraseAsync(string goldenGuestId, CancellationToken cancellationToken = default) => inner.EraseAsync(goldenGuestId, cancellationToken);
    }
}
