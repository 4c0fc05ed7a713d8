using System.Text.Json;
using HotelPlatform.Connectors.Analytics.Replay;
using HotelPlatform.Connectors.Analytics.Sgd;

namespace HotelPlatform.Connectors.Analytics.Tests;

public sealed class SgdReplayTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Replaying_the_dev_split_through_the_in_memory_hotel_yields_the_metrics_of_the_annotations_exactly()
    {
        await using var hotel = new ReplayHotel();
        await ReplayDevAndCheckAsync(ReplayHotel.HotelId, hotel.Connector, new SgdReplayOptions(), () => hotel.Pms.Reservations.Count);
    }

    [Fact]
    public async Task Replaying_the_dev_split_through_the_apaleo_simulator_hotel_yields_the_metrics_of_the_annotations_exactly()
    {
        _ = SgdDataset.DevDialogues;
        await using var hotel = await ApaleoReplayHotel.StartAsync();
        await ReplayDevAndCheckAsync(ApaleoReplayHotel.HotelId, hotel.Connector, hotel.Options, () => hotel.Reservations);
    }

    [Fact]
    public async Task A_booking_the_dialogue_recorded_as_failed_is_refused_by_the_pms_and_recorded_with_its_outcome()
    {
        var dialogues = await TrainedDetector.DevAsync();
        var failed = dialogues.First(d => d.Turns.Any(t => t.HotelFrame is { } f && f.Has("NOTIFY_FAILURE")));
        await using var hotel = new ReplayHotel();

        var events = await ReplayOnceAsync(failed, hotel);

        var refusal = Assert.Single(events, e => e.Kind == ConversationEventKind.BookingFailed);
        Assert.Equal(PmsTelemetry.OutcomeConflict, refusal.Outcome);
        var attempt = Assert.Single(events, e => e.Kind == ConversationEventKind.PmsOperation && e.Operation == "CreateReservation" && e.TurnIndex == refusal.TurnIndex);
        Assert.Equal((PmsTelemetry.OutcomeConflict, PmsVendors.InMemory), (attempt.Outcome, attempt.Vendor));
    }

    [Fact]
    public async Task Pms_operations_are_recorded_with_the_sdk_telemetry_of_each_call_on_its_turn()
    {
        var dialogues = await TrainedDetector.DevAsync();
        var booked = dialogues.First(d => d.Turns.Any(t => t.HotelFrame is { } f && f.Has("NOTIFY_SUCCESS")));
        await using var hotel = new ReplayHotel();

        var events = await ReplayOnceAsync(booked, hotel);

        var operations = events.Where(e => e.Kind == ConversationEventKind.PmsOperation).ToList();
        var calls = booked.Turns.Select((t, i) => (t.HotelFrame?.ServiceCall?.Method, i)).Where(c => c.Method is not null).ToList();
        var expected = calls.SelectMany(c => c.Method == "SearchHotel" ? new[] { ("GetAvailability", c.i), ("Quote", c.i) } : [("CreateReservation", c.i)]);
        Assert.Equal(expected, operations.Select(o => (o.Operation!, o.TurnIndex!.Value)));
        Assert.All(operations, o => Assert.Equal((PmsVendors.InMemory, PmsTelemetry.OutcomeSuccess), (o.Vendor, o.Outcome)));
        // The SDK times operations with the hotel's TimeProvider; under the fake clock that is zero, which shows the figure
        // is the SDK's measurement and not a stopwatch of the replay's own.
        Assert.All(operations, o => Assert.Equal(TimeSpan.Zero, o.Duration));
        var booking = Assert.Single(events, e => e.Kind == ConversationEventKind.BookingMade);
        var reservation = Assert.Single(hotel.Pms.Reservations);
        Assert.Equal((reservation.VendorId, reservation.Total?.Amount, "EUR"), (booking.ReservationId, booking.Amount, booking.Currency));
    }

    [Fact]
    public async Task Replaying_a_dialogue_again_as_the_same_call_stores_nothing_new_and_books_once()
    {
        var dialogues = await TrainedDetector.DevAsync();
        var booked = dialogues.First(d => d.Turns.Any(t => t.HotelFrame is { } f && f.Has("NOTIFY_SUCCESS")));
        await using var hotel = new ReplayHotel();
        using var store = new DuckDbConversationEventStore();
        using var capture = new PmsOperationCapture();
        var driver = new SgdReplayDriver(store, await TrainedDetector.GetAsync(), capture);

        var first = await driver.ReplayAsync(booked, ReplayHotel.HotelId, hotel.Connector, "c1", ReplayHotel.Now, Ct);
        var again = await driver.ReplayAsync(booked, ReplayHotel.HotelId, hotel.Connector, "c1", ReplayHotel.Now, Ct);

        Assert.Equal(first.Select(e => e.EventId), again.Select(e => e.EventId));
        Assert.Empty(await store.AppendAsync(again, Ct));
        Assert.Single(hotel.Pms.Reservations);
        Assert.Equal(1, (await store.GetConversationMetricsAsync(AnalyticsFilter.All, Ct)).Calls);
    }

    private static async Task ReplayDevAndCheckAsync(string hotelId, IPmsConnector connector, SgdReplayOptions options, Func<int> reservationsInPms)
    {
        var detector = await TrainedDetector.GetAsync();
        var dialogues = await TrainedDetector.DevAsync();
        using var store = new DuckDbConversationEventStore();
        using var capture = new PmsOperationCapture();
        var driver = new SgdReplayDriver(store, detector, capture, options);

        foreach (var (dialogue, i) in dialogues.Select((d, i) => (d, i)))
        {
            await driver.ReplayAsync(dialogue, hotelId, connector, "dev-" + dialogue.DialogueId, ReplayHotel.Now.AddMinutes(i), Ct);
        }

        var metrics = await store.GetConversationMetricsAsync(AnalyticsFilter.All, Ct);
        var expected = Annotations.Compute(SgdDataset.DevDialogues, detector);

        Assert.Equal(expected.Dialogues, metrics.Calls);
        Assert.Equal(expected.Succeeded, metrics.Completed);
        Assert.Equal((expected.Offers, expected.Affirmed, expected.Negated), (metrics.OffersMade, metrics.OffersAccepted, metrics.OffersDeclined));
        Assert.Equal((expected.UserTurns, expected.CorrectTurns), (metrics.IntentTurns, metrics.IntentCorrect));
        Assert.Equal(expected.WithReserveCall, metrics.Funnel.Single(s => s.Name == "reservation").Calls);
        Assert.Equal(expected.WithSearchCall, metrics.Funnel.Single(s => s.Name == "search").Calls);
        Assert.Equal(expected.SuccessfulReserveCalls, reservationsInPms());
        var vendor = connector.Vendor;
        var pms = await store.GetPmsComparisonAsync(AnalyticsFilter.All, Ct);
        Assert.Equal(vendor, Assert.Single(pms.Vendors).Vendor);
        Assert.Equal(expected.SuccessfulReserveCalls, pms.Operations.Single(o => o.Operation == "CreateReservation").Outcomes.GetValueOrDefault(PmsTelemetry.OutcomeSuccess));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"dev replay ({vendor}): {metrics.Calls} calls, completion {metrics.CompletionRate:P1}, offer acceptance {metrics.OfferAcceptanceRate:P1}, intent accuracy {metrics.IntentAccuracy:P2}");
    }

    private static async Task<IReadOnlyList<ConversationEvent>> ReplayOnceAsync(SgdDialogue dialogue, ReplayHotel hotel)
    {
        using var store = new DuckDbConversationEventStore();
        using var capture = new PmsOperationCapture();
        return await new SgdReplayDriver(store, await TrainedDetector.GetAsync(), capture).ReplayAsync(dialogue, ReplayHotel.HotelId, hotel.Connector, "c1", ReplayHotel.Now, Ct);
    }

    /// <summary>
    /// The expected figures, computed straight from the raw JSON (not through the replay's reader or driver): per dialogue,
    /// hotel frames only.
    /// </summary>
    private sealed record Annotations(
        long Dialogues, long Succeeded, long Offers, long Affirmed, long Negated, long UserTurns, long CorrectTurns, long WithReserveCall, long WithSearchCall, long SuccessfulReserveCalls)
    {
        public static Annotations Compute(string path, IIntentDetector detector)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            long dialogues = 0, succeeded = 0, offers = 0, affirmed = 0, negated = 0, userTurns = 0, correct = 0, withReserve = 0, withSearch = 0, successfulReserves = 0;
            foreach (var dialogue in document.RootElement.EnumerateArray())
            {
                dialogues++;
                bool success = false, reserve = false, search = false;
                string? lastSystem = null;
                foreach (var turn in dialogue.GetProperty("turns").EnumerateArray())
                {
                    bool user = turn.GetProperty("speaker").GetString() == "USER";
                    string utterance = turn.GetProperty("utterance").GetString()!;
                    foreach (var frame in turn.GetProperty("frames").EnumerateArray().Where(f => f.GetProperty("service").GetString()!.StartsWith("Hotels_", StringComparison.Ordinal)).Take(1))
                    {
                        var acts = frame.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("act").GetString()).ToList();
                        success |= acts.Contains("NOTIFY_SUCCESS");
                        offers += acts.Count(a => a == "OFFER_INTENT");
                        affirmed += user ? acts.Count(a => a == "AFFIRM_INTENT") : 0;
                        negated += user ? acts.Count(a => a == "NEGATE_INTENT") : 0;
                        if (frame.TryGetProperty("service_call", out var call))
                        {
                            string method = call.GetProperty("method").GetString()!;
                            reserve |= method == "ReserveHotel";
                            search |= method == "SearchHotel";
                            successfulReserves += method == "ReserveHotel" && acts.Contains("NOTIFY_SUCCESS") ? 1 : 0;
                        }

                        if (user && frame.TryGetProperty("state", out var state))
                        {
                            userTurns++;
                            correct += detector.Detect(utterance, lastSystem).Intent == state.GetProperty("active_intent").GetString() ? 1 : 0;
                        }
                    }

                    lastSystem = user ? lastSystem : utterance;
                }

                succeeded += success ? 1 : 0;
                withReserve += reserve ? 1 : 0;
                withSearch += search ? 1 : 0;
            }

            return new Annotations(dialogues, succeeded, offers, affirmed, negated, userTurns, correct, withReserve, withSearch, successfulReserves);
        }
    }
}
