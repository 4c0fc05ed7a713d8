namespace HotelPlatform.Connectors.GuestSync.Tests;

public sealed class GuestSyncTests : IDisposable
{
    private static readonly GuestSyncRequest ByEmail = new() { Email = "ada@example.com" };
    private readonly Chain _chain = new("muc", "ber", "ham");
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _chain.Dispose();

    private async Task SeedLanguagesAsync(params (string Hotel, string Language)[] profiles)
    {
        foreach (var (hotel, language) in profiles)
        {
            await _chain.SeedAsync(hotel, new GuestProfile("Lovelace") { FirstName = "Ada", Email = "ada@example.com", Language = language });
        }
    }

    [Fact]
    public async Task Profiles_with_differently_written_e_mail_and_phone_merge_into_one_golden_record_and_reach_every_PMS()
    {
        var muc = await _chain.SeedAsync("muc", new GuestProfile("Lovelace") { FirstName = "Ada", Email = "ADA@Example.COM", Phone = "+49 30 12345678" });
        var ber = await _chain.SeedAsync("ber", new GuestProfile("LOVELACE") { FirstName = "Ada", Email = "ada@example.com", Phone = "030 1234-5678", Language = "en" });

        var report = await _chain.Service().SyncAsync(ByEmail, _ct);

        Assert.NotNull(report.GoldenGuestId);
        Assert.Empty(report.Issues);
        Assert.Empty(report.Conflicts); // Same e-mail, phone and name once normalised.
        var golden = await _chain.Store.GetAsync(report.GoldenGuestId, _ct);
        Assert.NotNull(golden);
        Assert.Equal("ada@example.com", golden[GuestField.Email]);
        Assert.Equal("+493012345678", golden[GuestField.Phone]);
        Assert.Equal("Lovelace", golden[GuestField.LastName]);
        Assert.Equal("en", golden[GuestField.Language]);
        Assert.Equal(3, golden.Links.Count);

        // muc lacked the language: updated; ber already held everything (in its own spelling): untouched; ham: created.
        Assert.Equal(GuestPropagationOutcome.Updated, report.Propagations.Single(p => p.HotelId == "muc").Outcome);
        // Its e-mail differs from the golden one in case only: not rewritten (no churn between spellings).
        Assert.Equal([GuestField.Language], report.Propagations.Single(p => p.HotelId == "muc").Fields);
        Assert.Equal(GuestPropagationOutcome.UpToDate, report.Propagations.Single(p => p.HotelId == "ber").Outcome);
        Assert.Equal(GuestPropagationOutcome.Created, report.Propagations.Single(p => p.HotelId == "ham").Outcome);
        Assert.Equal("en", _chain.Guest("muc", muc.VendorId!).Language);
        Assert.Equal("030 1234-5678", _chain.Guest("ber", ber.VendorId!).Phone);
        var created = Assert.Single(_chain.Pms["ham"].Guests, g => g.Email == "ada@example.com");
        Assert.Equal(("Ada", "Lovelace", "+493012345678", "en"), (created.FirstName, created.LastName, created.Phone, created.Language));
    }

    [Fact]
    public async Task A_guest_is_found_by_phone_alone_whatever_the_format()
    {
        await _chain.SeedAsync("muc", new GuestProfile("Lovelace") { FirstName = "Ada", Phone = "+49 (30) 1234 5678" });

        var report = await _chain.Service().SyncAsync(new GuestSyncRequest { Phone = "030 12345678", PhoneRegion = "DE" }, _ct);

        var golden = await _chain.Store.GetAsync(report.GoldenGuestId!, _ct);
        Assert.Equal("+493012345678", golden![GuestField.Phone]);
        Assert.Equal(GuestPropagationOutcome.Created, report.Propagations.Single(p => p.HotelId == "ber").Outcome);
    }

    [Fact]
    public async Task Re_running_a_sync_writes_nothing_new_to_any_PMS_or_the_store()
    {
        await SeedLanguagesAsync(("muc", "de"), ("ber", "en"));
        var service = _chain.Service();
        var first = await service.SyncAsync(ByEmail, _ct);
        var version = (await _chain.Store.GetAsync(first.GoldenGuestId!, _ct))!.Version;
        var conflicts = (await _chain.Store.GetConflictsAsync(first.GoldenGuestId!, _ct)).Count;
        var writes = _chain.Connectors.Keys.ToDictionary(h => h, _chain.Writes);
        _chain.Clock.Advance(TimeSpan.FromHours(1));

        var second = await service.SyncAsync(ByEmail, _ct);

        Assert.Equal(first.GoldenGuestId, second.GoldenGuestId);
        Assert.False(second.HasChanges);
        Assert.Empty(second.GoldenChanges);
        Assert.All(second.Propagations, p => Assert.Equal(GuestPropagationOutcome.UpToDate, p.Outcome));
        Assert.Equal(writes, _chain.Connectors.Keys.ToDictionary(h => h, _chain.Writes));
        Assert.Equal(version, (await _chain.Store.GetAsync(first.GoldenGuestId!, _ct))!.Version);
        Assert.Equal(conflicts, (await _chain.Store.GetConflictsAsync(first.GoldenGuestId!, _ct)).Count);
        Assert.Single(_chain.Pms["ham"].Guests, g => g.Email == "ada@example.com");
    }

    [Fact]
    public async Task A_dry_run_reports_what_would_change_and_writes_nothing()
    {
        await _chain.SeedAsync("muc", new GuestProfile("Lovelace") { FirstName = "Ada", Email = "ada@example.com", Language = "de" });
        await _chain.SeedAsync("ber", new GuestProfile("Lovelace") { Email = "ada@example.com", Phone = "+4930 12345678" });
        var before = _chain.Connectors.Keys.ToDictionary(h => h, h => _chain.Pms[h].Guests.ToList());

        var report = await _chain.Service().SyncAsync(ByEmail with { DryRun = true }, _ct);

        Assert.True(report.DryRun);
        Assert.True(report.HasChanges);
        Assert.Equal(GuestPropagationOutcome.Updated, report.Propagations.Single(p => p.HotelId == "muc").Outcome);
        Assert.Equal([GuestField.Phone], report.Propagations.Single(p => p.HotelId == "muc").Fields);
        Assert.Equal(GuestPropagationOutcome.Updated, report.Propagations.Single(p => p.HotelId == "ber").Outcome);
        Assert.Equal(GuestPropagationOutcome.Created, report.Propagations.Single(p => p.HotelId == "ham").Outcome);
        Assert.Contains(report.GoldenChanges, c => c.Field == GuestField.Phone && c.NewValue == "+493012345678");
        Assert.Null(await _chain.Store.GetAsync(report.GoldenGuestId!, _ct));
        Assert.Null(await _chain.Store.FindAsync("ada@example.com", null, _ct));
        foreach (var (hotel, guests) in before)
        {
            Assert.Equal(guests, _chain.Pms[hotel].Guests);
        }
    }

    [Fact]
    public async Task Never_overwrite_with_empty_keeps_a_value_a_PMS_lost_and_writes_it_back()
    {
        await _chain.SeedAsync("muc", new GuestProfile("Lovelace") { FirstName = "Ada", Email = "ada@example.com", Phone = "+493012345678" });
        var service = _chain.Service();
        await service.SyncAsync(ByEmail, _ct);
        var ber = _chain.Pms["ber"].Guests.Single(g => g.Email == "ada@example.com");
        await _chain.Connectors["ber"].UpsertGuestAsync(ber with { Phone = null }, _ct);
        _chain.Clock.Advance(TimeSpan.FromHours(1));

        var report = await service.SyncAsync(ByEmail, _ct);

        Assert.Empty(report.GoldenChanges);
        Assert.Equal("+493012345678", (await _chain.Store.FindAsync("ada@example.com", null, _ct))![GuestField.Phone]);
        Assert.Equal([GuestField.Phone], report.Propagations.Single(p => p.HotelId == "ber").Fields);
        Assert.Equal("+493012345678", _chain.Guest("ber", ber.VendorId!).Phone);
    }

    [Fact]
    public async Task Most_recent_takes_the_latest_change_a_clear_included_and_records_the_conflict()
    {
        var policy = new GuestSyncPolicy().Set(GuestField.Language, new(GuestMergePolicy.MostRecent)).Set(GuestField.Phone, new(GuestMergePolicy.MostRecent));
        var muc = await _chain.SeedAsync("muc", new GuestProfile("Lovelace") { FirstName = "Ada", Email = "ada@example.com", Phone = "+493012345678", Language = "de" });
        var service = _chain.Service(policy);
        var first = await service.SyncAsync(ByEmail, _ct);
        var ber = _chain.Pms["ber"].Guests.Single(g => g.Email == "ada@example.com");
        _chain.Clock.Advance(TimeSpan.FromDays(1));
        await _chain.Connectors["ber"].UpsertGuestAsync(ber with { Language = "fr", Phone = null }, _ct);

        var report = await service.SyncAsync(ByEmail, _ct);

        var golden = (await _chain.Store.GetAsync(first.GoldenGuestId!, _ct))!;
        Assert.Equal("fr", golden[GuestField.Language]);
        Assert.Null(golden[GuestField.Phone]);
        Assert.Equal(("fr", null), (_chain.Guest("muc", muc.VendorId!).Language, _chain.Guest("muc", muc.VendorId!).Phone));
        var conflict = Assert.Single(report.Conflicts, c => c.Field == GuestField.Language);
        Assert.Equal(GuestMergePolicy.MostRecent, conflict.Policy);
        Assert.Equal(("fr", "ber", "de"), (conflict.ResolvedValue, conflict.ResolvedFrom, conflict.PreviousGoldenValue));
        Assert.Contains(conflict.Values, v => v is { HotelId: "muc", Value: "de" });
        Assert.Contains(conflict.Values, v => v is { HotelId: "ber", Value: "fr" } && v.ChangedAt == _chain.Clock.GetUtcNow());
        Assert.Contains("most recent", conflict.Resolution, StringComparison.Ordinal);
        Assert.Contains(await _chain.Store.GetConflictsAsync(first.GoldenGuestId!, _ct), c => c.Field == GuestField.Language && c.ResolvedValue == "fr");
    }

    [Fact]
    public async Task The_PMS_of_record_wins_over_a_more_recent_change_elsewhere()
    {
        var policy = new GuestSyncPolicy().Set(GuestField.Language, new(GuestMergePolicy.PmsOfRecord, "muc"));
        await _chain.SeedAsync("muc", new GuestProfile("Lovelace") { FirstName = "Ada", Email = "ada@example.com", Language = "de" });
        var service = _chain.Service(policy);
        var first = await service.SyncAsync(ByEmail, _ct);
        var ber = _chain.Pms["ber"].Guests.Single(g => g.Email == "ada@example.com");
        _chain.Clock.Advance(TimeSpan.FromDays(1));
        await _chain.Connectors["ber"].UpsertGuestAsync(ber with { Language = "en" }, _ct);

        var report = await service.SyncAsync(ByEmail, _ct);

        Assert.Equal("de", (await _chain.Store.GetAsync(first.GoldenGuestId!, _ct))![GuestField.Language]);
        Assert.Equal("de", _chain.Guest("ber", ber.VendorId!).Language);
        var conflict = Assert.Single(report.Conflicts);
        Assert.Equal((GuestField.Language, "de", "muc", GuestMergePolicy.PmsOfRecord), (conflict.Field, conflict.ResolvedValue, conflict.ResolvedFrom, conflict.Policy));
        Assert.Equal([("muc", "de"), ("ber", "en"), ("ham", "de")], conflict.Values.Select(v => (v.HotelId, v.Value)));
    }

    [Fact]
    public async Task Conflicting_values_seen_together_are_resolved_by_hotel_order_and_recorded_once()
    {
        await SeedLanguagesAsync(("muc", "de"), ("ber", "en"));
        var service = _chain.Service();

        var report = await service.SyncAsync(ByEmail, _ct);
        var conflict = Assert.Single(report.Conflicts);
        Assert.Equal((GuestField.Language, "de", "muc"), (conflict.Field, conflict.ResolvedValue, conflict.ResolvedFrom));
        Assert.Contains("hotel order", conflict.Resolution, StringComparison.Ordinal);
        Assert.Equal([("muc", "de"), ("ber", "en")], conflict.Values.Select(v => (v.HotelId, v.Value)));

        await service.SyncAsync(ByEmail, _ct);
        Assert.Single(await _chain.Store.GetConflictsAsync(report.GoldenGuestId!, _ct));
    }

    [Fact]
    public async Task A_PMS_failing_mid_sync_is_reported_skipped_and_caught_up_by_the_next_sync()
    {
        var failing = new FailingConnector(_chain.Connectors["ber"]);
        _chain.Connectors["ber"] = failing;
        await _chain.SeedAsync("muc", new GuestProfile("Lovelace") { FirstName = "Ada", Email = "ada@example.com", Language = "de" });
        var service = _chain.Service();
        var first = await service.SyncAsync(ByEmail, _ct);
        var golden = await _chain.Store.GetAsync(first.GoldenGuestId!, _ct);
        await _chain.Connectors["muc"].UpsertGuestAsync(_chain.Pms["muc"].Guests.Single(g => g.Email == "ada@example.com") with { Language = "it" }, _ct);
        failing.FailSearch = true;
        _chain.Clock.Advance(TimeSpan.FromHours(1));

        var report = await service.SyncAsync(ByEmail, _ct);

        var issue = Assert.Single(report.Issues);
        Assert.Equal((GuestSyncIssueKind.PmsReadFailed, "ber"), (issue.Kind, issue.HotelId));
        Assert.Contains("503", issue.Message, StringComparison.Ordinal);
        Assert.Equal(GuestPropagationOutcome.Skipped, report.Propagations.Single(p => p.HotelId == "ber").Outcome);
        var after = (await _chain.Store.GetAsync(first.GoldenGuestId!, _ct))!;
        Assert.Equal("it", after[GuestField.Language]);
        Assert.Equal(golden!.Links.Single(l => l.HotelId == "ber").Seen, after.Links.Single(l => l.HotelId == "ber").Seen);
        Assert.Equal("de", _chain.Pms["ber"].Guests.Single(g => g.Email == "ada@example.com").Language);

        failing.FailSearch = false;
        var recovered = await service.SyncAsync(ByEmail, _ct);
        Assert.Empty(recovered.Issues);
        Assert.Equal(GuestPropagationOutcome.Updated, recovered.Propagations.Single(p => p.HotelId == "ber").Outcome);
        Assert.Equal("it", _chain.Pms["ber"].Guests.Single(g => g.Email == "ada@example.com").Language);
    }

    [Fact]
    public async Task A_failed_write_is_reported_and_retried_by_the_next_sync_without_a_duplicate()
    {
        var failing = new FailingConnector(_chain.Connectors["ham"]) { FailUpsert = true };
        _chain.Connectors["ham"] = failing;
        await _chain.SeedAsync("muc", new GuestProfile("Lovelace") { FirstName = "Ada", Email = "ada@example.com" });
        var service = _chain.Service();

        var report = await service.SyncAsync(ByEmail, _ct);
        var failed = report.Propagations.Single(p => p.HotelId == "ham");
        Assert.Equal(GuestPropagationOutcome.Failed, failed.Outcome);
        Assert.Contains("503", failed.Reason, StringComparison.Ordinal);
        Assert.NotNull(await _chain.Store.GetAsync(report.GoldenGuestId!, _ct));
        Assert.DoesNotContain(_chain.Pms["ham"].Guests, g => g.Email == "ada@example.com");

        failing.FailUpsert = false;
        Assert.Equal(GuestPropagationOutcome.Created, (await service.SyncAsync(ByEmail, _ct)).Propagations.Single(p => p.HotelId == "ham").Outcome);
        Assert.Equal(GuestPropagationOutcome.UpToDate, (await service.SyncAsync(ByEmail, _ct)).Propagations.Single(p => p.HotelId == "ham").Outcome);
        Assert.Single(_chain.Pms["ham"].Guests, g => g.Email == "ada@example.com");
    }

    [Fact]
    public async Task Invalid_values_are_reported_left_out_of_the_golden_record_and_repaired_at_their_PMS()
    {
        await _chain.SeedAsync("muc", new GuestProfile("Lovelace") { FirstName = "Ada", Email = "ada@example.com", Phone = "+493012345678" });
        var ber = await _chain.SeedAsync("ber", new GuestProfile("Lovelace") { FirstName = "Ada", Email = "ada@example", Phone = "+493012345678" });
        var ham = await _chain.SeedAsync("ham", new GuestProfile("Lovelace") { FirstName = "Ada", Email = "ada@example.com", Phone = "12" });

        var report = await _chain.Service().SyncAsync(new GuestSyncRequest { Email = "ada@example.com", Phone = "+493012345678" }, _ct);

        Assert.Contains(report.Issues, i => i is { Kind: GuestSyncIssueKind.InvalidEmail, HotelId: "ber", Field: GuestField.Email } && i.VendorId == ber.VendorId);
        Assert.Contains(report.Issues, i => i is { Kind: GuestSyncIssueKind.InvalidPhone, HotelId: "ham", Field: GuestField.Phone } && i.VendorId == ham.VendorId);
        var golden = (await _chain.Store.GetAsync(report.GoldenGuestId!, _ct))!;
        Assert.Equal(("ada@example.com", "+493012345678"), (golden[GuestField.Email], golden[GuestField.Phone]));
        Assert.Empty(report.Conflicts);
        Assert.Equal("ada@example.com", _chain.Guest("ber", ber.VendorId!).Email);
        Assert.Equal("+493012345678", _chain.Guest("ham", ham.VendorId!).Phone);
    }

    [Fact]
    public async Task A_profile_without_a_name_or_with_another_name_is_never_merged()
    {
        var ber = new FailingConnector(_chain.Connectors["ber"]);
        _chain.Connectors["ber"] = ber;
        var nameless = new GuestProfile(" ") { VendorId = "FRONTDESK-1", Email = "ada@example.com", Language = "xx" };
        ber.Unvalidated.Add(nameless);
        await _chain.SeedAsync("muc", new GuestProfile("Lovelace") { FirstName = "Ada", Email = "ada@example.com", Language = "en" });
        var spouse = await _chain.SeedAsync("ham", new GuestProfile("Byron") { FirstName = "George", Email = "ada@example.com", Language = "it" });

        var report = await _chain.Service().SyncAsync(ByEmail, _ct);

        Assert.Contains(report.Issues, i => i.Kind == GuestSyncIssueKind.MissingName && i.VendorId == nameless.VendorId);
        Assert.Contains(report.Issues, i => i.Kind == GuestSyncIssueKind.NameMismatch && i.VendorId == spouse.VendorId);
        var golden = (await _chain.Store.GetAsync(report.GoldenGuestId!, _ct))!;
        Assert.Equal(("Lovelace", "en"), (golden[GuestField.LastName], golden[GuestField.Language]));
        Assert.DoesNotContain(golden.Links, l => (l.HotelId == "ber" && l.VendorId == nameless.VendorId) || (l.HotelId == "ham" && l.VendorId == spouse.VendorId));
        Assert.Equal("Byron", _chain.Guest("ham", spouse.VendorId!).LastName);
        Assert.Equal("it", _chain.Guest("ham", spouse.VendorId!).Language);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("not-an-email", null)]
    [InlineData(null, "12")]
    public async Task A_request_without_a_valid_e_mail_or_phone_is_refused(string? email, string? phone)
    {
        var exception = await Assert.ThrowsAsync<ArgumentException>(() => _chain.Service().SyncAsync(new GuestSyncRequest { Email = email, Phone = phone }, _ct));
        Assert.Equal("request", exception.ParamName);
    }

    [Fact]
    public async Task A_PMS_without_guest_writes_is_skipped_and_named_in_the_report()
    {
        _chain.Connectors["ham"] = new InMemory.InMemoryPmsConnector(_chain.Pms["ham"], ConnectorCapabilities.All & ~ConnectorCapabilities.UpsertGuest);
        await _chain.SeedAsync("muc", new GuestProfile("Lovelace") { FirstName = "Ada", Email = "ada@example.com" });

        var report = await _chain.Service().SyncAsync(ByEmail, _ct);

        var skipped = report.Propagations.Single(p => p.HotelId == "ham");
        Assert.Equal(GuestPropagationOutcome.Skipped, skipped.Outcome);
        Assert.Contains(nameof(ConnectorCapabilities.UpsertGuest), skipped.Reason, StringComparison.Ordinal);
        Assert.Equal(0, _chain.Writes("ham"));
    }

    [Fact]
    public async Task The_golden_record_survives_a_new_store_on_the_same_file_and_a_stale_save_is_refused()
    {
        await _chain.SeedAsync("muc", new GuestProfile("Lovelace") { FirstName = "Ada", Email = "ada@example.com" });
        var report = await _chain.Service().SyncAsync(ByEmail, _ct);

        var reopened = new SqliteGoldenGuestStore(_chain.DatabasePath);
        var golden = (await reopened.FindAsync("ada@example.com", null, _ct))!;
        Assert.Equal(report.GoldenGuestId, golden.Id);
        await reopened.SaveAsync(golden, [], _ct);
        await Assert.ThrowsAsync<GoldenGuestConcurrencyException>(() => reopened.SaveAsync(golden, [], _ct));
    }
}
