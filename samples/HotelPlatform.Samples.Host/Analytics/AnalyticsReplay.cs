using HotelPlatform.Connectors;
using HotelPlatform.Connectors.Analytics;
using HotelPlatform.Connectors.Analytics.Replay;
using HotelPlatform.Connectors.Analytics.Sgd;

namespace HotelPlatform.Samples.Host.Analytics;

/// <summary>
/// Fills the dashboard on first run and replays calls on demand. With the SGD hotel dialogues beside the repository it
/// trains the ML.NET intent detector on <c>train</c> and replays <c>dev</c> through the host's hotels (round robin, each
/// hotel's first room type and rate plan), the calls dated over the last <c>Analytics:SeedDays</c> days; without them it
/// replays dialogues from <see cref="SeededDialogues"/> and the page says so. A call is replayed against the PMS now and
/// then dated back to its simulated day (the PMS refuses stays in the past), so every booking is a real one.
/// </summary>
internal sealed class AnalyticsReplay(
    IConversationEventStore store,
    IPmsConnectorRegistry hotels,
    LiveCallFeed feed,
    IConfiguration configuration,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<AnalyticsReplay> logger) : BackgroundService
{
    public const string DatasetVariable = "HOTELPLATFORM_SGD_HOTELS";

    private readonly PmsOperationCapture _capture = new();
    private readonly Lock _gate = new();
    private Task<ReplaySetup>? _setup;
    private int _nextOnDemand;

    /// <summary>Gets what the dashboard shows: where its calls come from.</summary>
    public string DataSource { get; private set; } = "Preparing the replay…";

    /// <summary>Gets whether the calls come from the seeded generator (the dataset is absent).</summary>
    public bool Seeded { get; private set; }

    /// <summary>Gets the calls replayed since the host started.</summary>
    public int Replayed => _replayed;

    private int _replayed;

    /// <summary>Replays one dialogue that ends in a booking, now, at a hotel (the first replayed one when <see langword="null"/>).</summary>
    public async Task<LiveCall> ReplayBookingNowAsync(string? hotelId, CancellationToken cancellationToken)
    {
        var setup = await SetupAsync().WaitAsync(cancellationToken);
        var hotel = hotelId is null ? setup.Hotels[0] : setup.Hotels.FirstOrDefault(h => h.HotelId == hotelId) ?? throw new KeyNotFoundException($"Hotel '{hotelId}' is not replayed.");
        var bookings = setup.Dialogues.Where(EndsInBooking).ToList();
        var dialogue = bookings[Interlocked.Increment(ref _nextOnDemand) % bookings.Count];
        var now = time.GetUtcNow();
        return await ReplayAsync(setup, hotel, dialogue, $"{hotel.HotelId}/{dialogue.DialogueId}/live-{now.UtcTicks}", now, cancellationToken);
    }

    public override void Dispose()
    {
        _capture.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        int? seedCalls = configuration.GetValue<int?>("Analytics:SeedCalls");
        try
        {
            if (seedCalls <= 0)
            {
                DataSource = "Replay on first run is off (Analytics:SeedCalls is 0); replayed calls appear as they are made.";
                return;
            }

            if ((await store.GetConversationMetricsAsync(AnalyticsFilter.All, stoppingToken)).Calls > 0)
            {
                DataSource = "Showing the calls stored by earlier runs (delete the analytics store to replay again).";
                return; // not the first run
            }

            var setup = await SetupAsync().WaitAsync(stoppingToken);
            int calls = Math.Min(seedCalls ?? setup.Dialogues.Count, setup.Dialogues.Count);
            var days = TimeSpan.FromDays(configuration.GetValue("Analytics:SeedDays", 14));
            var start = time.GetUtcNow() - days;
            var spacing = days / calls;

            // One worker per hotel: a vendor's rate limit slows its own hotel only.
            await Task.WhenAll(setup.Hotels.Select((hotel, h) => Task.Run(
                async () =>
                {
                    for (int i = h; i < calls; i += setup.Hotels.Count)
                    {
                        var dialogue = setup.Dialogues[i];
                        try
                        {
                            await ReplayAsync(setup, hotel, dialogue, $"{hotel.HotelId}/{dialogue.DialogueId}", start + (spacing * i), stoppingToken);
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException)
                        {
                            // One call the PMS could not serve (a vendor outage, a limit) must not stop the others.
                            logger.LogWarning(ex, "Replaying {Dialogue} at {Hotel} failed.", dialogue.DialogueId, hotel.HotelId);
                        }
                    }
                },
                stoppingToken)));
            logger.LogInformation("Replayed {Calls} calls for the analytics dashboard.", calls);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // The dashboard stays up and says why it is empty; the rest of the host is unaffected.
            logger.LogError(ex, "The analytics replay could not start.");
            DataSource = "The replay could not start: " + ex.Message;
        }
    }

    // Prepared once, on first need (first-run replay or an on-demand replay): training the detector takes seconds.
    private Task<ReplaySetup> SetupAsync()
    {
        lock (_gate)
        {
            return _setup ??= Task.Run(() => PrepareAsync(CancellationToken.None));
        }
    }

    private static bool EndsInBooking(SgdDialogue dialogue) =>
        dialogue.Turns.Any(t => t.HotelFrame is { ServiceCall.Method: "ReserveHotel" or "BookHouse" } frame && frame.Has("NOTIFY_SUCCESS"));

    private async Task<LiveCall> ReplayAsync(ReplaySetup setup, ReplayHotel hotel, SgdDialogue dialogue, string conversationId, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        // Replayed now against the PMS (on a scratch store), then dated to its simulated day in the dashboard's store.
        using var scratch = new DuckDbConversationEventStore();
        var driver = new SgdReplayDriver(scratch, setup.Detector, _capture, hotel.Options);
        var now = time.GetUtcNow();
        var events = await driver.ReplayAsync(dialogue, hotel.HotelId, hotel.Connector, conversationId, now, cancellationToken);

        var shift = startedAt - now;
        await store.AppendAsync(events.Select(e => e with { OccurredAt = e.OccurredAt + shift }), cancellationToken);
        Interlocked.Increment(ref _replayed);
        var booking = events.FirstOrDefault(e => e.Kind == ConversationEventKind.BookingMade);
        string outcome = booking is not null ? "booked" : events.Any(e => e.Kind == ConversationEventKind.TransferredToStaff) ? "transferred" : "abandoned";
        var call = new LiveCall(conversationId, hotel.HotelId, startedAt, outcome, booking?.Amount, booking?.Currency, events.Count(e => e.Kind == ConversationEventKind.Turn));
        feed.Publish(call);
        return call;
    }

    private async Task<ReplaySetup> PrepareAsync(CancellationToken cancellationToken)
    {
        var replayed = new List<ReplayHotel>();
        var only = configuration["Analytics:ReplayHotels"] is { Length: > 0 } list ? list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null;
        const ConnectorCapabilities Needed = ConnectorCapabilities.Availability | ConnectorCapabilities.Quotes | ConnectorCapabilities.CreateReservation | ConnectorCapabilities.RatePlans | ConnectorCapabilities.Inventory;
        foreach (var registration in hotels.Hotels.Where(h => only is null || only.Contains(h.HotelId, StringComparer.Ordinal)))
        {
            var connector = hotels.Get(registration.HotelId);
            if ((connector.Capabilities & Needed) != Needed)
            {
                continue; // e.g. SiteMinder: a channel manager cannot quote or book
            }

            var roomTypes = await connector.GetRoomTypesAsync(cancellationToken);
            var ratePlans = await connector.GetRatePlansAsync(cancellationToken);
            if (roomTypes.Count > 0 && ratePlans.Count > 0)
            {
                replayed.Add(new ReplayHotel(registration.HotelId, connector, new SgdReplayOptions
                {
                    RoomTypeId = roomTypes[0].VendorId,
                    RatePlanId = ratePlans[0].VendorId,
                    UnavailableRoomTypeId = "SGD-NO-SUCH-ROOM", // a room type the hotel does not have: its PMS refuses the booking
                }));
            }
        }

        if (replayed.Count == 0)
        {
            throw new InvalidOperationException("No hotel can quote and book, so none can replay calls.");
        }

        var dataset = LocateDataset();
        IReadOnlyList<SgdDialogue> train, dev;
        if (dataset is not null)
        {
            int trainLimit = configuration.GetValue("Analytics:TrainingDialogues", int.MaxValue);
            train = [.. (await SgdDialogueReader.ReadAllAsync(Path.Combine(dataset, "train", "dialogues.json"), cancellationToken)).Take(trainLimit)];
            dev = await SgdDialogueReader.ReadAllAsync(Path.Combine(dataset, "dev", "dialogues.json"), cancellationToken);
            DataSource = $"Replaying {dev.Count} real hotel dialogues (SGD dev split, {dataset}) through {replayed.Count} hotels; intents detected by an ML.NET model trained on {train.Count} train dialogues.";
        }
        else
        {
            Seeded = true;
            train = SeededDialogues.Create(400, seed: 7);
            dev = SeededDialogues.Create(300, seed: 13);
            DataSource = $"The SGD hotel dialogues were not found (set {DatasetVariable} or Analytics:SgdDataset, or place them at ../shared/datasets/sgd-hotels): showing {dev.Count} dialogues from a seeded generator, not real conversations.";
        }

        var detector = MlNetIntentDetector.Train(SgdIntentExamples.From(train));
        return new ReplaySetup(detector, dev, replayed);
    }

    private string? LocateDataset()
    {
        if ((configuration["Analytics:SgdDataset"] ?? Environment.GetEnvironmentVariable(DatasetVariable)) is { Length: > 0 } configured)
        {
            return File.Exists(Path.Combine(configured, "dev", "dialogues.json")) ? configured : null;
        }

        foreach (string start in new[] { environment.ContentRootPath, Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                string candidate = Path.Combine(directory.FullName, "shared", "datasets", "sgd-hotels");
                if (File.Exists(Path.Combine(candidate, "dev", "dialogues.json")) && File.Exists(Path.Combine(candidate, "train", "dialogues.json")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private sealed record ReplayHotel(string HotelId, IPmsConnector Connector, SgdReplayOptions Options);

    private sealed record ReplaySetup(IIntentDetector Detector, IReadOnlyList<SgdDialogue> Dialogues, IReadOnlyList<ReplayHotel> Hotels);
}
