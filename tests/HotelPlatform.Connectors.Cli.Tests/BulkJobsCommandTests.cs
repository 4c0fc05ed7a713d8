using System.Text.Json;
using System.Text.Json.Nodes;
using HotelPlatform.Connectors.Bulk;
using HotelPlatform.Connectors.Cli.Hotels;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.SiteMinder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Testing;
using Xunit;

namespace HotelPlatform.Connectors.Cli.Tests;

/// <summary>
/// <c>hotelpms bulk push|guests|cancel</c> and <see cref="PmsBulkJobs"/> on the vendors' simulators: each hotel is a
/// simulator of its own, started on loopback; writes are counted at the simulator.
/// </summary>
public sealed class BulkJobsCommandTests : IAsyncDisposable
{
    private static readonly DateOnly Arrival = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
    private readonly string _directory = Directory.CreateTempSubdirectory("hotelpms-bulkjobs-").FullName;
    private readonly Dictionary<string, VendorSimulatorHotel> _hotels = new(StringComparer.Ordinal);
    private ServiceProvider? _services;

    private string ConfigFile => Path.Combine(_directory, "chain.json");

    private IPmsConnectorRegistry Registry => _services!.GetRequiredService<IPmsConnectorRegistry>();

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        foreach (var hotel in _hotels.Values)
        {
            await hotel.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Bulk_push_sends_the_values_to_the_hotel_whose_pms_takes_them_and_reports_the_others_as_not_supported()
    {
        await StartChainAsync(("sm-1", PmsVendors.SiteMinder), ("apaleo-1", PmsVendors.Apaleo));
        var values = await WriteValuesAsync("values.json", available: 5, "sm-1", "apaleo-1");
        var checkpoint = Path.Combine(_directory, "push.checkpoint");

        var (exit, output) = await RunAsync("bulk", "push", "--config", ConfigFile, "--values", values, "--checkpoint", checkpoint);
        var pushesAfterFirst = SiteMinder("sm-1").AriPushes.Count;
        var (rerunExit, rerunOutput) = await RunAsync("bulk", "push", "--config", ConfigFile, "--values", values, "--checkpoint", checkpoint);

        Assert.True(exit == HotelPmsCli.Success, output);
        Assert.Contains("1 succeeded, 0 failed, 1 not supported, 0 not run.", output, StringComparison.Ordinal);
        // Apaleo pushes rates and restrictions but not availability, which these values hold: refused before any request.
        Assert.Contains("cannot take Availability", output, StringComparison.Ordinal);
        Assert.Contains("3 requests sent", output, StringComparison.Ordinal);
        Assert.Equal(3, pushesAfterFirst);

        // The rerun skips both hotels: the pushed one is done, the other cannot be done.
        Assert.Equal(HotelPmsCli.Success, rerunExit);
        Assert.Contains("done earlier", rerunOutput, StringComparison.Ordinal);
        Assert.Equal(pushesAfterFirst, SiteMinder("sm-1").AriPushes.Count);
    }

    [Fact]
    public async Task Bulk_push_with_the_checkpoint_of_other_values_is_refused_naming_the_file_and_fresh_starts_over()
    {
        await StartChainAsync(("sm-1", PmsVendors.SiteMinder));
        var checkpoint = Path.Combine(_directory, "push.checkpoint");
        var first = await WriteValuesAsync("monday.json", available: 5, "sm-1");
        var second = await WriteValuesAsync("tuesday.json", available: 3, "sm-1");
        await RunAsync("bulk", "push", "--config", ConfigFile, "--values", first, "--checkpoint", checkpoint);
        var pushes = SiteMinder("sm-1").AriPushes.Count;

        var (refusedExit, refused) = await RunAsync("bulk", "push", "--config", ConfigFile, "--values", second, "--checkpoint", checkpoint);
        var pushesAfterRefusal = SiteMinder("sm-1").AriPushes.Count;
        var (freshExit, fresh) = await RunAsync("bulk", "push", "--config", ConfigFile, "--values", second, "--checkpoint", checkpoint, "--fresh");

        Assert.Equal(HotelPmsCli.Failed, refusedExit);
        Assert.Contains(Path.GetFileName(checkpoint), refused, StringComparison.Ordinal);
        Assert.Contains("other items or parameters", refused, StringComparison.Ordinal);
        Assert.Contains("--fresh", refused, StringComparison.Ordinal);
        Assert.Equal(pushes, pushesAfterRefusal);
        Assert.True(freshExit == HotelPmsCli.Success, fresh);
        Assert.Contains("1 succeeded", fresh, StringComparison.Ordinal);
        Assert.True(SiteMinder("sm-1").AriPushes.Count > pushes);
    }

    [Fact]
    public async Task Bulk_guests_writes_a_private_file_per_hotel_and_prints_no_guest_data()
    {
        await StartChainAsync(("apaleo-1", PmsVendors.Apaleo), ("mews-1", PmsVendors.Mews), ("sm-1", PmsVendors.SiteMinder));
        var apaleo = await BookAsync("apaleo-1", "Grace", "Hopper-Export");
        var mews = await BookAsync("mews-1", "Ada", "Lovelace-Export");
        var output = Path.Combine(_directory, "exports");

        var (exit, console) = await RunAsync("bulk", "guests", "--config", ConfigFile, "--from", $"{Arrival:yyyy-MM-dd}", "--output", output);

        Assert.True(exit == HotelPmsCli.Success, console);
        Assert.Contains("2 succeeded, 0 failed, 1 not supported, 0 not run.", console, StringComparison.Ordinal);
        var apaleoFile = await File.ReadAllTextAsync(Path.Combine(output, "apaleo-1.guests.csv"), TestContext.Current.CancellationToken);
        var mewsFile = await File.ReadAllTextAsync(Path.Combine(output, "mews-1.guests.csv"), TestContext.Current.CancellationToken);
        Assert.StartsWith("Hotel,ReservationId,ConfirmationNumber,Status,Arrival,Departure,Role,LastName,FirstName,Email", apaleoFile, StringComparison.Ordinal);
        Assert.Contains($"apaleo-1,{apaleo.VendorId},", apaleoFile, StringComparison.Ordinal);
        Assert.Contains("Hopper-Export,Grace,grace.hopper-export@example.com", apaleoFile, StringComparison.Ordinal);
        Assert.Contains("Lovelace-Export,Ada,ada.lovelace-export@example.com", mewsFile, StringComparison.Ordinal);
        Assert.Contains(mews.VendorId, mewsFile, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "sm-1.guests.csv")));
        Assert.Empty(Directory.GetFiles(output, "*.partial"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(output, "apaleo-1.guests.csv")));
        }

        Assert.DoesNotContain("Hopper-Export", console, StringComparison.Ordinal);
        Assert.DoesNotContain("example.com", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_guests_as_json_keeps_names_as_written_and_needs_an_output_folder()
    {
        await StartChainAsync(("apaleo-1", PmsVendors.Apaleo));
        await BookAsync("apaleo-1", "Jürgen", "=Müller");
        var output = Path.Combine(_directory, "json");

        var (missingExit, missing) = await RunAsync("bulk", "guests", "--config", ConfigFile, "--from", $"{Arrival:yyyy-MM-dd}");
        var (exit, console) = await RunAsync("bulk", "guests", "--config", ConfigFile, "--from", $"{Arrival:yyyy-MM-dd}", "--output", output, "--format", "json");

        Assert.Equal(HotelPmsCli.Usage, missingExit);
        Assert.Contains("guests needs --output", missing, StringComparison.Ordinal);
        Assert.True(exit == HotelPmsCli.Success, console);
        using var rows = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "apaleo-1.guests.json"), TestContext.Current.CancellationToken));
        var row = Assert.Single(rows.RootElement.EnumerateArray(), r => r.GetProperty("FirstName").GetString() == "Jürgen");
        Assert.Equal("=Müller", row.GetProperty("LastName").GetString());
        Assert.Equal("primary", row.GetProperty("Role").GetString());
    }

    [Fact]
    public async Task Bulk_cancel_dry_run_reports_what_would_be_cancelled_and_writes_nothing()
    {
        await StartChainAsync(("apaleo-1", PmsVendors.Apaleo), ("mews-1", PmsVendors.Mews));
        var booked = new[] { await BookAsync("apaleo-1", "Ann", "Dry"), await BookAsync("mews-1", "Bob", "Dry") };
        var ids = await WriteIdsAsync(("apaleo-1", booked[0].VendorId), ("mews-1", booked[1].VendorId));
        var checkpoint = Path.Combine(_directory, "cancel.checkpoint");

        var (exit, output) = await RunAsync("bulk", "cancel", "--config", ConfigFile, "--ids", ids, "--dry-run", "--checkpoint", checkpoint);

        Assert.True(exit == HotelPmsCli.Success, output);
        Assert.Equal(2, CountOf(output, "would cancel (now Confirmed)"));
        Assert.Contains("nothing was cancelled", output, StringComparison.Ordinal);
        Assert.Equal(0, CancelWrites("apaleo-1") + CancelWrites("mews-1"));
        Assert.False(File.Exists(checkpoint));
        Assert.Equal(ReservationStatus.Confirmed, (await Registry.Get("apaleo-1").GetReservationAsync(booked[0].VendorId, TestContext.Current.CancellationToken)).Status);
    }

    [Fact]
    public async Task Bulk_cancel_asks_first_and_cancels_nothing_when_not_confirmed_or_when_it_cannot_ask()
    {
        await StartChainAsync(("apaleo-1", PmsVendors.Apaleo));
        var booked = await BookAsync("apaleo-1", "Cy", "Asked");
        var ids = await WriteIdsAsync(("apaleo-1", booked.VendorId));
        var interactive = new TestConsole().Interactive();
        interactive.Profile.Width = 250;
        interactive.Input.PushTextWithEnter("n");

        var declined = await HotelPmsCli.RunAsync(["bulk", "cancel", "--config", ConfigFile, "--ids", ids], interactive);
        var (silentExit, silent) = await RunAsync("bulk", "cancel", "--config", ConfigFile, "--ids", ids);

        Assert.Equal(HotelPmsCli.Failed, declined);
        Assert.Contains("Cancel 1 reservations in 1 hotels?", interactive.Output, StringComparison.Ordinal);
        Assert.Contains("Nothing was cancelled.", interactive.Output, StringComparison.Ordinal);
        Assert.Equal(HotelPmsCli.Failed, silentExit);
        Assert.Contains("Confirm with --yes", silent, StringComparison.Ordinal);
        Assert.Equal(0, CancelWrites("apaleo-1"));
    }

    [Fact]
    public async Task Bulk_cancel_by_filter_cancels_each_reservation_once_reports_the_already_cancelled_and_a_failing_hotel()
    {
        await StartChainAsync(("apaleo-1", PmsVendors.Apaleo), ("mews-1", PmsVendors.Mews), ("cloudbeds-down", PmsVendors.Cloudbeds), ("sm-1", PmsVendors.SiteMinder));
        var first = await BookAsync("apaleo-1", "Dee", "Filter");
        var already = await BookAsync("apaleo-1", "Eve", "Filter");
        await Registry.Get("apaleo-1").CancelReservationAsync(already.VendorId, "guest called", TestContext.Current.CancellationToken);
        var mews = await BookAsync("mews-1", "Fay", "Filter");
        var cancelsBefore = CancelWrites("apaleo-1");

        // The vendor of one hotel (an account of its own) asks to wait an hour: that hotel's listing fails, the others go on.
        _hotels["cloudbeds-down"].Simulator.Faults.Enqueue(SimulatedFault.TooManyRequests(TimeSpan.FromHours(1)), times: null);
        var (exit, output) = await RunAsync("bulk", "cancel", "--config", ConfigFile, "--from", $"{Arrival:yyyy-MM-dd}", "--yes", "--reason", "group released");

        Assert.Equal(HotelPmsCli.Failed, exit);
        Assert.Contains("Hotels whose reservations could not be listed:", output, StringComparison.Ordinal);
        Assert.Matches(@"cloudbeds-down\s*│\s*cloudbeds:cloudbeds-down\s*│\s*failed", output);
        Assert.Matches(@"sm-1\s*│\s*siteminder:sm-1\s*│\s*not supported", output);
        Assert.Contains($"apaleo-1/{first.VendorId}", output, StringComparison.Ordinal);
        Assert.Contains($"mews-1/{mews.VendorId}", output, StringComparison.Ordinal);
        Assert.Matches($@"apaleo-1/{already.VendorId}\s*│[^│]*│\s*succeeded\s*│\s*already cancelled", output);
        Assert.Equal(cancelsBefore + 1, CancelWrites("apaleo-1"));
        // The Mews simulator seeds arrivals of its own on that day too: one cancel each, as many as the rows that say so.
        Assert.Equal(output.Split('\n').Count(l => l.Contains("mews-1/", StringComparison.Ordinal) && l.Contains("cancelled (was Confirmed)", StringComparison.Ordinal)), CancelWrites("mews-1"));
        Assert.Equal(0, CancelWrites("cloudbeds-down"));
        Assert.Equal(ReservationStatus.Cancelled, (await Registry.Get("apaleo-1").GetReservationAsync(first.VendorId, TestContext.Current.CancellationToken)).Status);
        Assert.Equal(ReservationStatus.Cancelled, (await Registry.Get("mews-1").GetReservationAsync(mews.VendorId, TestContext.Current.CancellationToken)).Status);
    }

    [Fact]
    public async Task A_bulk_cancel_stopped_midway_and_resumed_cancels_every_reservation_exactly_once()
    {
        await StartChainAsync(("apaleo-1", PmsVendors.Apaleo), ("mews-1", PmsVendors.Mews));
        var reservations = new List<PmsBulkCancellation>();
        for (var i = 0; i < 4; i++)
        {
            reservations.Add(new PmsBulkCancellation(new PmsBulkHotel("apaleo-1", "apaleo:apaleo-1"), (await BookAsync("apaleo-1", "Resume", $"Apaleo{i}")).VendorId));
            reservations.Add(new PmsBulkCancellation(new PmsBulkHotel("mews-1", "mews:mews-1"), (await BookAsync("mews-1", "Resume", $"Mews{i}")).VendorId));
        }

        var apaleoBefore = CancelWrites("apaleo-1");
        var options = new PmsBulkOptions { MaxParallelismPerAccount = 1, CheckpointPath = Path.Combine(_directory, "cancel.checkpoint") };
        using var stop = new CancellationTokenSource();
        var stopAfterThree = new StopAfter(3, stop);

        var first = await PmsBulkJobs.CancelReservationsAsync(Registry, reservations, "resume test", dryRun: false, options, stopAfterThree, stop.Token);
        var second = await PmsBulkJobs.CancelReservationsAsync(Registry, reservations, "resume test", dryRun: false, options, null, TestContext.Current.CancellationToken);

        Assert.True(first.Cancelled);
        Assert.InRange(first.Succeeded, 3, 7);
        Assert.False(second.Cancelled);
        Assert.Equal(8, second.Succeeded);
        Assert.Equal(first.Succeeded, second.Items.Count(i => i.FromCheckpoint));

        // Counted at the simulators: one cancel request per reservation over both runs, none twice.
        var cancelled = _hotels["apaleo-1"].Simulator.Requests.Where(IsCancel).Select(r => r.Path).ToList();
        Assert.Equal(4, CancelWrites("apaleo-1") - apaleoBefore);
        Assert.Equal(4, cancelled.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(4, CancelWrites("mews-1"));
        foreach (var r in reservations)
        {
            Assert.Equal(ReservationStatus.Cancelled, (await Registry.Get(r.Hotel.HotelId).GetReservationAsync(r.ReservationId, TestContext.Current.CancellationToken)).Status);
        }
    }

    private static bool IsCancel(RecordedRequest request) =>
        request.Method != "GET" && request.Path.Contains("cancel", StringComparison.OrdinalIgnoreCase);

    private int CancelWrites(string hotelId) => _hotels[hotelId].Simulator.Requests.Count(IsCancel);

    private SiteMinderSimulator SiteMinder(string hotelId) => (SiteMinderSimulator)_hotels[hotelId].Simulator;

    private async Task StartChainAsync(params (string HotelId, string Vendor)[] hotels)
    {
        var section = new JsonObject();
        foreach (var (hotelId, vendor) in hotels)
        {
            var hotel = await VendorSimulatorHotel.StartAsync(vendor, TestContext.Current.CancellationToken);
            _hotels[hotelId] = hotel;
            var settings = new JsonObject { ["Vendor"] = vendor };
            foreach (var (key, value) in hotel.Settings)
            {
                settings[key] = value;
            }

            section[hotelId] = settings;
        }

        var json = new JsonObject { ["Hotels"] = section }.ToJsonString();
        await File.WriteAllTextAsync(ConfigFile, json, TestContext.Current.CancellationToken);
        _services = HotelConnectors.Build(new ConfigurationBuilder().AddJsonFile(ConfigFile).Build().GetSection("Hotels"));
    }

    /// <summary>Books a two-night stay arriving on <see cref="Arrival"/> through the hotel's connector, as a guest would be booked.</summary>
    private async Task<Reservation> BookAsync(string hotelId, string firstName, string lastName)
    {
        var pms = Registry.Get(hotelId);
        var quote = (await pms.QuoteAsync(new QuoteRequest(Arrival, Arrival.AddDays(2), 1), TestContext.Current.CancellationToken))[0];
        var guest = new GuestProfile(lastName) { FirstName = firstName, Email = $"{firstName}.{lastName}@example.com".ToLowerInvariant() };
        return await pms.CreateReservationAsync(
            new ReservationDraft(Arrival, Arrival.AddDays(2), quote.RoomTypeId, quote.RatePlanId, guest) { ClientReference = $"bulk-{Guid.NewGuid():N}"[..20] },
            TestContext.Current.CancellationToken);
    }

    private async Task<string> WriteValuesAsync(string name, int available, params string[] hotelIds)
    {
        var values = new JsonObject();
        foreach (var hotelId in hotelIds)
        {
            values[hotelId] = JsonNode.Parse($$"""
                {
                  "Availability": [ { "RoomTypeId": "DBL", "Date": "{{Arrival:yyyy-MM-dd}}", "Available": {{available}} }, { "RoomTypeId": "DBL", "Date": "{{Arrival.AddDays(1):yyyy-MM-dd}}", "Available": {{available}} } ],
                  "Restrictions": [ { "RoomTypeId": "DBL", "RatePlanId": "BAR", "Date": "{{Arrival:yyyy-MM-dd}}", "MinStay": 2 } ],
                  "Rates": [ { "RoomTypeId": "DBL", "RatePlanId": "BAR", "Date": "{{Arrival:yyyy-MM-dd}}", "Currency": "EUR", "AmountsByAdults": { "1": {{100 + available}}, "2": 140 } } ]
                }
                """);
        }

        var path = Path.Combine(_directory, name);
        await File.WriteAllTextAsync(path, values.ToJsonString(), TestContext.Current.CancellationToken);
        return path;
    }

    private async Task<string> WriteIdsAsync(params (string HotelId, string ReservationId)[] ids)
    {
        var path = Path.Combine(_directory, "ids.csv");
        await File.WriteAllLinesAsync(path, ["# hotel,reservation", .. ids.Select(i => $"{i.HotelId},{i.ReservationId}")], TestContext.Current.CancellationToken);
        return path;
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 300;
        var exit = await HotelPmsCli.RunAsync(args, console);
        return (exit, console.Output);
    }

    private static int CountOf(string text, string value) =>
        (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;

    /// <summary>Stops the job once <paramref name="count"/> items have finished (reported on the runner's thread).</summary>
    private sealed class StopAfter(int count, CancellationTokenSource stop) : IProgress<PmsBulkProgress>
    {
        public void Report(PmsBulkProgress value)
        {
            if (value.Done >= count)
            {
                stop.Cancel();
            }
        }
    }
}
