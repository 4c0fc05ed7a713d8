using HotelPlatform.Connectors.Bulk;
using HotelPlatform.Connectors.Mirror;
using HotelPlatform.Connectors.Mirror.Sqlite;

namespace HotelPlatform.Connectors.GuestSync.Tests;

public sealed class GuestSyncChainRunTests : IDisposable
{
    // The demo hotel's reservations: Schmidt, Dubois and Tanaka with e-mail and phone; three more guests without either.
    private static readonly string[] DemoEmails = ["anna.schmidt@example.com", "louis.dubois@example.com", "yuki.tanaka@example.com"];
    private readonly Chain _chain = new("muc", "ber");
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _chain.Dispose();

    private DateTimeOffset LastMonth => _chain.Clock.GetUtcNow().AddDays(-30);

    private string Checkpoint => Path.Combine(_chain.Folder, "guests.checkpoint");

    [Fact]
    public async Task Every_guest_of_the_chains_reservations_is_collected_once_whatever_hotel_and_key_it_was_seen_by()
    {
        // Ada booked at muc with e-mail and phone, and at ber by phone only (written nationally): one guest.
        await BookAsync("muc", new GuestProfile("Lovelace") { FirstName = "Ada", Email = "Ada@Example.com", Phone = "+49 30 12345678" });
        await BookAsync("ber", new GuestProfile("Lovelace") { FirstName = "Ada", Phone = "030 12345678" });
        await BookAsync("ber", new GuestProfile("Byron") { FirstName = "George", Phone = "+44 20 7946 0958" });

        var collected = await new GuestSyncChainRun(_chain.Service()).CollectFromPmsAsync(LastMonth, _ct);

        Assert.Empty(collected.Issues);
        Assert.Equal([.. DemoEmails, "ada@example.com"], collected.Guests.Where(g => g.Email is not null).Select(g => g.Email!).Order(StringComparer.Ordinal).OrderBy(e => e == "ada@example.com"));
        Assert.Equal("+493012345678", Assert.Single(collected.Guests, g => g.Email == "ada@example.com").Phone);
        Assert.Equal("+442079460958", Assert.Single(collected.Guests, g => g.Email is null).Phone);
        Assert.Equal(5, collected.Guests.Count);
    }

    [Fact]
    public async Task A_chain_run_syncs_every_guest_reports_each_and_a_resumed_run_skips_the_guests_done()
    {
        var run = new GuestSyncChainRun(_chain.Service());
        var guests = (await run.CollectFromPmsAsync(LastMonth, _ct)).Guests;
        List<PmsBulkProgress> progress = [];

        var report = await run.RunAsync(guests, new PmsBulkOptions { CheckpointPath = Checkpoint }, dryRun: false, new Progress(progress), _ct);

        Assert.Equal(3, report.Succeeded);
        Assert.Equal(0, report.Failed);
        Assert.All(report.Items, i => Assert.Equal(GuestSyncChainRun.ChainAccountKey, i.AccountKey));
        foreach (var email in DemoEmails)
        {
            var golden = await _chain.Store.FindAsync(email, null, _ct);
            Assert.NotNull(golden);
            Assert.Contains(report.Items, i => i.Value!.GoldenGuestId == golden.Id);
        }

        // The checkpoint names guests by a hash of their key, never by their personal data.
        var checkpoint = await File.ReadAllTextAsync(Checkpoint, _ct);
        Assert.DoesNotContain("@", checkpoint, StringComparison.Ordinal);
        Assert.Equal(3, progress[^1].Succeeded);

        var writes = _chain.Connectors.Keys.ToDictionary(h => h, _chain.Writes);
        var resumed = await run.RunAsync(guests, new PmsBulkOptions { CheckpointPath = Checkpoint }, dryRun: false, null, _ct);

        Assert.All(resumed.Items, i => Assert.True(i.FromCheckpoint));
        Assert.Equal(writes, _chain.Connectors.Keys.ToDictionary(h => h, _chain.Writes));
    }

    [Fact]
    public async Task A_guest_synced_while_a_PMS_is_down_is_a_failed_row_and_the_resumed_run_syncs_it()
    {
        var ber = new FailingConnector(_chain.Connectors["ber"]);
        _chain.Connectors["ber"] = ber;
        var run = new GuestSyncChainRun(_chain.Service());
        var guests = (await run.CollectFromPmsAsync(LastMonth, _ct)).Guests;
        ber.FailSearch = true;

        var report = await run.RunAsync(guests, new PmsBulkOptions { CheckpointPath = Checkpoint }, dryRun: false, null, _ct);

        Assert.Equal(3, report.Failed);
        Assert.All(report.Items, i => Assert.Contains("ber (not read)", i.Error, StringComparison.Ordinal));

        ber.FailSearch = false;
        var resumed = await run.RunAsync(guests, new PmsBulkOptions { CheckpointPath = Checkpoint }, dryRun: false, null, _ct);

        Assert.Equal(3, resumed.Succeeded);
        Assert.All(resumed.Items, i => Assert.False(i.FromCheckpoint));
    }

    [Fact]
    public async Task A_dry_chain_run_reports_what_would_change_and_writes_nothing_and_refuses_a_checkpoint()
    {
        await _chain.SeedAsync("ber", new GuestProfile("Schmidt") { FirstName = "Anna", Email = "anna.schmidt@example.com", Language = "fr" });
        var run = new GuestSyncChainRun(_chain.Service());
        var guests = (await run.CollectFromPmsAsync(LastMonth, _ct)).Guests;
        var writes = _chain.Connectors.Keys.ToDictionary(h => h, _chain.Writes);

        var report = await run.RunAsync(guests, new PmsBulkOptions(), dryRun: true, null, _ct);

        Assert.Equal(3, report.Succeeded);
        Assert.All(report.Items, i => Assert.True(i.Value!.DryRun));
        Assert.Contains(report.Items, i => i.Value!.Conflicts.Any(c => c.Field == GuestField.Language));
        Assert.Equal(writes, _chain.Connectors.Keys.ToDictionary(h => h, _chain.Writes));
        foreach (var email in DemoEmails)
        {
            Assert.Null(await _chain.Store.FindAsync(email, null, _ct));
        }

        await Assert.ThrowsAsync<ArgumentException>(() => run.RunAsync(guests, new PmsBulkOptions { CheckpointPath = Checkpoint }, dryRun: true, null, _ct));
    }

    [Fact]
    public async Task A_hotel_whose_reservations_cannot_be_read_is_an_issue_and_the_other_hotels_guests_are_still_collected()
    {
        await BookAsync("muc", new GuestProfile("Lovelace") { FirstName = "Ada", Email = "ada@example.com" });
        _chain.Connectors["ber"] = new FailingConnector(_chain.Connectors["ber"]) { FailReservations = true };

        var collected = await new GuestSyncChainRun(_chain.Service()).CollectFromPmsAsync(LastMonth, _ct);

        var issue = Assert.Single(collected.Issues);
        Assert.Equal((GuestSyncIssueKind.PmsReadFailed, "ber"), (issue.Kind, issue.HotelId));
        Assert.Contains(collected.Guests, g => g.Email == "ada@example.com");
        Assert.Equal(4, collected.Guests.Count);
    }

    [Fact]
    public async Task Guests_are_collected_from_the_mirror_without_a_vendor_call()
    {
        var mirror = new SqlitePmsReservationMirror(Path.Combine(_chain.Folder, "mirror.db"));
        await BookAsync("ber", new GuestProfile("Lovelace") { FirstName = "Ada", Email = "ada@example.com" });
        foreach (var (hotel, pms) in _chain.Pms)
        {
            foreach (var reservation in pms.Reservations)
            {
                await mirror.ApplyAsync(new PmsMirrorUpdate(hotel, PmsMirrorSource.Backfill, _chain.Clock.GetUtcNow()) { Reservation = reservation }, _ct);
            }

            pms.ClearOperations();
        }

        var today = _chain.Pms["muc"].Today;
        var collected = await new GuestSyncChainRun(_chain.Service()).CollectFromMirrorAsync(mirror, today.AddDays(-7), today.AddDays(30), _ct);

        Assert.Empty(collected.Issues);
        Assert.Equal(4, collected.Guests.Count);
        Assert.Contains(collected.Guests, g => g.Email == "ada@example.com");
        Assert.All(_chain.Pms.Values, pms => Assert.Empty(pms.Operations));
        await Assert.ThrowsAsync<ArgumentException>(() => new GuestSyncChainRun(_chain.Service()).CollectFromMirrorAsync(mirror, today, today.AddDays(-1), _ct));
    }

    [Fact]
    public async Task The_additional_guests_of_a_stay_are_collected_too_each_guest_once()
    {
        var mirror = new SqlitePmsReservationMirror(Path.Combine(_chain.Folder, "mirror.db"));
        var companion = new GuestProfile("Babbage") { FirstName = "Charles", Email = "charles@example.com" };
        var today = _chain.Pms["muc"].Today;
        var stay = new Reservation("R-77", "MUC", ReservationStatus.Confirmed, today.AddDays(1), today.AddDays(3), new GuestProfile("Lovelace") { FirstName = "Ada", Email = "ada@example.com" })
        {
            // The companion twice (as the PMS listed them) and a child with neither e-mail nor phone.
            AdditionalGuests = [companion, companion with { Email = "CHARLES@example.com" }, new GuestProfile("Lovelace") { FirstName = "Byron" }],
        };
        await mirror.ApplyAsync(new PmsMirrorUpdate("muc", PmsMirrorSource.Backfill, _chain.Clock.GetUtcNow()) { Reservation = stay }, _ct);

        var collected = await new GuestSyncChainRun(_chain.Service()).CollectFromMirrorAsync(mirror, today, today.AddDays(7), _ct);

        Assert.Equal(["ada@example.com", "charles@example.com"], collected.Guests.Select(g => g.Email!).Order(StringComparer.Ordinal));
    }

    private async Task BookAsync(string hotelId, GuestProfile guest)
    {
        var today = _chain.Pms[hotelId].Today;
        var roomType = _chain.Pms[hotelId].RoomTypes[0].VendorId;
        var ratePlan = _chain.Pms[hotelId].RatePlans[0].VendorId;
        await _chain.Connectors[hotelId].CreateReservationAsync(new ReservationDraft(today.AddDays(1), today.AddDays(2), roomType, ratePlan, guest), _ct);
    }

    private sealed class Progress(List<PmsBulkProgress> seen) : IProgress<PmsBulkProgress>
    {
        public void Report(PmsBulkProgress value)
        {
            lock (seen)
            {
                seen.Add(value);
            }
        }
    }
}
