namespace HotelPlatform.Connectors.Analytics.Tests;

/// <summary>
/// The store suite: every store runs the same tests (<see cref="DuckDbStoreTests"/>, <see cref="PostgreSqlStoreTests"/>).
/// </summary>
public abstract partial class ConversationStoreTests
{
    protected static readonly DateTimeOffset Monday = new(2030, 6, 10, 9, 0, 0, TimeSpan.Zero);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_event_sent_twice_is_stored_once_and_reported_new_only_the_first_time()
    {
        using var store = await NewStoreAsync();
        var call = new Conversation("c1", "berlin", Monday);
        var started = call.Started();

        var first = await store.AppendAsync([started], Ct);
        var again = await store.AppendAsync([started, started with { HotelId = "changed" }], Ct);

        Assert.Equal([started], first);
        Assert.Empty(again);
        var metrics = await store.GetConversationMetricsAsync(AnalyticsFilter.All, Ct);
        Assert.Equal(1, metrics.Calls);
        Assert.Equal(0, (await store.GetConversationMetricsAsync(new AnalyticsFilter { HotelId = "changed" }, Ct)).Calls);
    }

    [Fact]
    public async Task Repeats_within_one_batch_keep_the_first_copy()
    {
        using var store = await NewStoreAsync();
        var call = new Conversation("c1", "berlin", Monday);
        var started = call.Started();
        var booked = call.Booked(60);

        var stored = await store.AppendAsync([started, booked, started, booked with { Amount = 1m }], Ct);

        Assert.Equal([started, booked], stored);
        Assert.Equal(1, (await store.GetConversationMetricsAsync(AnalyticsFilter.All, Ct)).Completed);
    }

    [Fact]
    public async Task Events_resent_in_later_batches_mixed_with_new_ones_are_counted_once()
    {
        using var store = await NewStoreAsync();
        var call = new Conversation("c1", "berlin", Monday);
        var started = call.Started();
        var offer = call.Event(ConversationEventKind.OfferMade, 10);
        var accepted = call.Event(ConversationEventKind.OfferAccepted, 12);
        var intents = call.Intent(1, "ReserveHotel", "ReserveHotel").ToArray();
        await store.AppendAsync([started, offer, intents[0]], Ct);

        var second = await store.AppendAsync([offer, started, accepted, intents[0], intents[1]], Ct);
        await store.AppendAsync([offer, accepted, .. intents], Ct);

        Assert.Equal([accepted, intents[1]], second);
        var metrics = await store.GetConversationMetricsAsync(AnalyticsFilter.All, Ct);
        Assert.Equal((1L, 1L, 1L, 1L, 1L), (metrics.Calls, metrics.OffersMade, metrics.OffersAccepted, metrics.IntentTurns, metrics.IntentCorrect));
    }

    [Fact]
    public async Task A_booking_that_arrives_after_the_call_ended_still_completes_the_call()
    {
        using var store = await NewStoreAsync();
        var call = new Conversation("c1", "berlin", Monday);
        await store.AppendAsync([call.Started(), call.Ended(120)], Ct);
        Assert.Equal(0, (await store.GetConversationMetricsAsync(AnalyticsFilter.All, Ct)).Completed);

        await store.AppendAsync([call.Booked(90)], Ct);

        var metrics = await store.GetConversationMetricsAsync(AnalyticsFilter.All, Ct);
        Assert.Equal((1L, 1L, 0L, 0L), (metrics.Calls, metrics.Completed, metrics.Transferred, metrics.Abandoned));
        Assert.Equal(1.0, metrics.CompletionRate);
    }

    [Fact]
    public async Task Events_that_arrive_before_their_call_started_are_counted_once_it_has()
    {
        using var store = await NewStoreAsync();
        var call = new Conversation("c1", "berlin", Monday);
        var started = call.Started();
        await store.AppendAsync([call.Event(ConversationEventKind.OfferMade, 30), call.Event(ConversationEventKind.OfferDeclined, 40)], Ct);
        Assert.Equal(0, (await store.GetConversationMetricsAsync(AnalyticsFilter.All, Ct)).OffersMade);

        await store.AppendAsync([started], Ct);

        var metrics = await store.GetConversationMetricsAsync(AnalyticsFilter.All, Ct);
        Assert.Equal((1L, 1L, 0L, 1L), (metrics.Calls, metrics.OffersMade, metrics.OffersAccepted, metrics.OffersDeclined));
        Assert.Equal(0.0, metrics.OfferAcceptanceRate);
    }

    [Fact]
    public async Task Calls_are_completed_transferred_or_abandoned_and_a_transfer_after_a_booking_is_completed()
    {
        using var store = await NewStoreAsync();
        var booked = new Conversation("booked", "berlin", Monday);
        var transferred = new Conversation("transferred", "berlin", Monday);
        var bookedThenTransferred = new Conversation("both", "berlin", Monday);
        var abandoned = new Conversation("abandoned", "berlin", Monday);
        await store.AppendAsync(
        [
            booked.Started(), booked.Booked(50), booked.Ended(60),
            transferred.Started(), transferred.Event(ConversationEventKind.TransferredToStaff, 20), transferred.Ended(30),
            bookedThenTransferred.Started(), bookedThenTransferred.Booked(10), bookedThenTransferred.Event(ConversationEventKind.TransferredToStaff, 20),
            abandoned.Started(), abandoned.Ended(15),
        ], Ct);

        var metrics = await store.GetConversationMetricsAsync(AnalyticsFilter.All, Ct);

        Assert.Equal((4L, 2L, 1L, 1L), (metrics.Calls, metrics.Completed, metrics.Transferred, metrics.Abandoned));
        Assert.Equal(0.5, metrics.CompletionRate);
    }

    [Fact]
    public async Task Intent_accuracy_pairs_detection_and_confirmation_by_turn_and_ignores_unconfirmed_turns()
    {
        using var store = await NewStoreAsync();
        var call = new Conversation("c1", "berlin", Monday);
        await store.AppendAsync(
        [
            call.Started(),
            .. call.Intent(0, "SearchHotel", "SearchHotel"),
            .. call.Intent(2, "SearchHotel", "ReserveHotel"),
            .. call.Intent(4, "ReserveHotel", "ReserveHotel"),
            call.Event(ConversationEventKind.IntentDetected, 6, 6) with { Intent = "NONE" },
        ], Ct);

        var metrics = await store.GetConversationMetricsAsync(AnalyticsFilter.All, Ct);

        Assert.Equal((3L, 2L), (metrics.IntentTurns, metrics.IntentCorrect));
        Assert.Equal(2.0 / 3, metrics.IntentAccuracy);
    }

    [Fact]
    public async Task Handling_time_runs_from_start_to_end_with_continuous_quantiles_over_ended_calls()
    {
        using var store = await NewStoreAsync();
        double[] seconds = [60, 120, 180, 240, 300];
        foreach (var (s, i) in seconds.Select((s, i) => (s, i)))
        {
            var call = new Conversation($"c{i}", "berlin", Monday.AddMinutes(i));
            await store.AppendAsync([call.Started(), call.Ended(s)], Ct);
        }

        var unended = new Conversation("open", "berlin", Monday);
        await store.AppendAsync([unended.Started()], Ct);

        var handling = (await store.GetConversationMetricsAsync(AnalyticsFilter.All, Ct)).HandlingTime;

        Assert.Equal(5, handling.Calls);
        Assert.Equal(TimeSpan.FromSeconds(180), handling.Average);
        Assert.Equal(TimeSpan.FromSeconds(180), handling.Median);
        Assert.Equal(TimeSpan.FromSeconds(276), handling.P90);
        Assert.Equal(TimeSpan.FromSeconds(300), handling.Maximum);
    }

    [Fact]
    public async Task The_filter_selects_calls_by_hotel_and_by_start_time_half_open()
    {
        using var store = await NewStoreAsync();
        var early = new Conversation("early", "berlin", Monday);
        var late = new Conversation("late", "berlin", Monday.AddDays(1));
        var elsewhere = new Conversation("elsewhere", "tokyo", Monday);
        await store.AppendAsync([early.Started(), early.Booked(5), late.Started(), elsewhere.Started(), elsewhere.Booked(5)], Ct);

        var berlin = await store.GetConversationMetricsAsync(new AnalyticsFilter { HotelId = "berlin" }, Ct);
        var mondayOnly = await store.GetConversationMetricsAsync(new AnalyticsFilter { From = Monday, To = Monday.AddDays(1) }, Ct);
        var tuesdayOn = await store.GetConversationMetricsAsync(new AnalyticsFilter { From = Monday.AddDays(1) }, Ct);

        Assert.Equal((2L, 1L), (berlin.Calls, berlin.Completed));
        Assert.Equal((2L, 2L), (mondayOnly.Calls, mondayOnly.Completed));
        Assert.Equal((1L, 0L), (tuesdayOn.Calls, tuesdayOn.Completed));
    }

    [Fact]
    public async Task The_funnel_counts_calls_reaching_search_offer_reservation_and_confirmation()
    {
        using var store = await NewStoreAsync();
        var searchedOnly = new Conversation("s", "berlin", Monday);
        var refused = new Conversation("r", "berlin", Monday);
        var confirmed = new Conversation("c", "berlin", Monday);
        ConversationEvent Search(Conversation c) => c.Event(ConversationEventKind.PmsOperation, 5) with { Operation = "Quote", Vendor = "inmemory", Outcome = "success" };
        await store.AppendAsync(
        [
            searchedOnly.Started(), Search(searchedOnly),
            refused.Started(), Search(refused), refused.Event(ConversationEventKind.OfferMade, 6), refused.Event(ConversationEventKind.BookingFailed, 7) with { Outcome = "conflict" },
            confirmed.Started(), Search(confirmed), confirmed.Event(ConversationEventKind.OfferMade, 6), confirmed.Booked(8),
        ], Ct);

        var funnel = (await store.GetConversationMetricsAsync(AnalyticsFilter.All, Ct)).Funnel;

        Assert.Equal([new("search", 3), new("offer", 2), new("reservation", 2), new("confirmation", 1)], funnel);
    }

    [Fact]
    public async Task An_empty_store_reports_no_rates_rather_than_zero()
    {
        using var store = await NewStoreAsync();

        var metrics = await store.GetConversationMetricsAsync(AnalyticsFilter.All, Ct);

        Assert.Equal(0, metrics.Calls);
        Assert.Null(metrics.CompletionRate);
        Assert.Null(metrics.OfferAcceptanceRate);
        Assert.Null(metrics.IntentAccuracy);
        Assert.Null(metrics.HandlingTime.Average);
    }

    [Fact]
    public async Task An_event_without_an_id_is_refused_and_nothing_of_its_batch_is_stored()
    {
        using var store = await NewStoreAsync();
        var call = new Conversation("c1", "berlin", Monday);

        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync([call.Started(), call.Ended(5) with { EventId = " " }], Ct));

        Assert.Equal(0, (await store.GetConversationMetricsAsync(AnalyticsFilter.All, Ct)).Calls);
    }

    /// <summary>Makes an empty store of the kind under test.</summary>
    protected abstract Task<ConversationEventStore> NewStoreAsync();
}
