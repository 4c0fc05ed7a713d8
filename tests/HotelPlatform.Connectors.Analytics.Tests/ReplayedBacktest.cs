using HotelPlatform.Connectors.Analytics.Forecasting;
using HotelPlatform.Connectors.Analytics.Replay;
using HotelPlatform.Connectors.Analytics.Sgd;

namespace HotelPlatform.Connectors.Analytics.Tests;

/// <summary>
/// Every SGD dialogue (train and dev) replayed as a call at seeded times over three years into an in-memory hotel, with
/// stay dates from the dialogues' own check-in dates; the books read back through <see cref="PmsDemandForecaster"/> and
/// backtested with <see cref="ForecastBacktest"/>: a forecast every week of the third year, 14 nights ahead (the
/// dialogues' lead times are 0 to 13 days).
/// </summary>
internal sealed record ReplayedBacktest(IReadOnlyList<SgdDialogue> Dialogues, PmsBookingHistory History, BacktestResult Result)
{
    public const int HorizonDays = 14;

    public const int Capacity = 2000; // ReplayHotel's standard rooms: never the limit, so the books are the demand

    public static readonly DateOnly FirstDay = new(2027, 1, 4);

    public static readonly int WindowDays = 3 * 365;

    public static readonly DateOnly FirstForecastDate = FirstDay.AddDays(2 * 365);

    public static readonly int ForecastDates = ((WindowDays - (2 * 365) - HorizonDays) / 7) + 1;

    private static readonly Lazy<Task<IReadOnlyList<SgdDialogue>>> All = new(async () =>
        [.. await SgdDialogueReader.ReadAllAsync(SgdDataset.TrainDialogues), .. await TrainedDetector.DevAsync()]);

    /// <param name="seed">The seed of the draw: which dialogue falls on which day, and the call times.</param>
    /// <param name="seasonal">Whether the call times follow the season.</param>
    /// <param name="cancellationToken">Stops the replay.</param>
    /// <param name="calls">Replays only the first this many dialogues of the seeded draw (all when null): a check that
    /// needs a replay but not the whole corpus (determinism) stays quick.</param>
    public static async Task<ReplayedBacktest> RunAsync(int seed, bool seasonal, CancellationToken cancellationToken, int? calls = null)
    {
        var detector = await TrainedDetector.GetAsync();
        var dialogues = (await All.Value).ToArray();
        new Random(seed).Shuffle(dialogues); // which dialogue falls on which day is part of the seeded draw
        dialogues = dialogues[..Math.Min(calls ?? dialogues.Length, dialogues.Length)];
        var times = SgdCallSchedule.Spread(dialogues.Length, FirstDay, WindowDays, seed, seasonal);
        await using var hotel = new ReplayHotel(times[0], closedYears: 4);
        using var store = new DuckDbConversationEventStore();
        using var capture = new PmsOperationCapture();
        var driver = new SgdReplayDriver(store, detector, capture, new SgdReplayOptions { StayDatesFromDialogue = true, MaxLeadDays = HorizonDays - 1 });
        for (int call = 0; call < dialogues.Length; call++)
        {
            hotel.Clock.SetUtcNow(times[call]); // the PMS stamps each booking with the call's time: its lead time
            await driver.ReplayAsync(dialogues[call], ReplayHotel.HotelId, hotel.Connector, $"call-{call}", times[call], cancellationToken);
        }

        var since = new DateTimeOffset(FirstDay.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var history = await PmsDemandForecaster.ReadHistoryAsync(hotel.Connector, since, cancellationToken);
        var result = ForecastBacktest.Run(history.Bookings, Capacity, FirstForecastDate, ForecastDates, stepDays: 7, HorizonDays);
        return new ReplayedBacktest(dialogues, history, result);
    }
}
