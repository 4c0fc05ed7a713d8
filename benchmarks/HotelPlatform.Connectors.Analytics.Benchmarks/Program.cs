using System.Diagnostics;
using System.Globalization;
using HotelPlatform.Connectors.Analytics;

// Usage: dotnet run -c Release --project benchmarks/HotelPlatform.Connectors.Analytics.Benchmarks -- [calls] [database]
// Loads `calls` synthetic calls (default 1,000,000; about nine events each, seeded) into a DuckDB store (a temporary
// file unless given), then times the conversation-metrics query over all calls, over one hotel, and over one month:
// the first run and the median of five further runs of each. Ingestion time is printed too, for information.
int calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
string path = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), $"analytics-bench-{Guid.NewGuid():N}.duckdb");
var start = new DateTimeOffset(2029, 1, 1, 0, 0, 0, TimeSpan.Zero);
string[] hotels = ["berlin", "munich", "vienna", "zurich", "paris", "lisbon", "rome", "oslo", "madrid", "prague"];
string[] intents = ["SearchHotel", "ReserveHotel", "NONE"];

try
{
    using var store = new DuckDbConversationEventStore(path);
    var random = new Random(13);
    var ingest = Stopwatch.StartNew();
    long events = 0;
    var batch = new List<ConversationEvent>(100_000);
    for (int c = 0; c < calls; c++)
    {
        string id = "call-" + c.ToString(CultureInfo.InvariantCulture);
        string hotel = hotels[c % hotels.Length];
        var at = start.AddSeconds((double)c * 365 * 24 * 3600 / calls); // a year of calls
        int n = 0;
        ConversationEvent E(ConversationEventKind kind, double seconds, int? turn = null) =>
            new($"{id}/{n++}", id, hotel, kind, at.AddSeconds(seconds)) { TurnIndex = turn };

        batch.Add(E(ConversationEventKind.CallStarted, 0) with { Channel = "voice", Language = "en" });
        for (int turn = 0; turn < 2; turn++)
        {
            string gold = intents[random.Next(intents.Length)];
            batch.Add(E(ConversationEventKind.IntentDetected, 5 + turn, turn) with { Intent = random.NextDouble() < 0.9 ? gold : intents[random.Next(intents.Length)], Confidence = random.NextDouble() });
            batch.Add(E(ConversationEventKind.IntentConfirmed, 5 + turn, turn) with { Intent = gold });
        }

        batch.Add(E(ConversationEventKind.PmsOperation, 10, 1) with { Operation = "Quote", Vendor = "apaleo", Outcome = "success", Duration = TimeSpan.FromMilliseconds(40 + random.Next(200)) });
        batch.Add(E(ConversationEventKind.OfferMade, 15, 1) with { Intent = "ReserveHotel" });
        bool accepted = random.NextDouble() < 0.45;
        batch.Add(E(accepted ? ConversationEventKind.OfferAccepted : ConversationEventKind.OfferDeclined, 20, 2));
        if (accepted)
        {
            batch.Add(E(ConversationEventKind.BookingMade, 30, 3) with { Amount = 100 + random.Next(400), Currency = "EUR", ReservationId = "R" + id });
        }

        batch.Add(E(ConversationEventKind.CallEnded, 60 + random.Next(240)));
        if (batch.Count >= 100_000)
        {
            events += (await store.AppendAsync(batch)).Count;
            batch.Clear();
        }
    }

    events += (await store.AppendAsync(batch)).Count;
    ingest.Stop();
    Console.WriteLine($"ingested {calls:N0} calls, {events:N0} events in {ingest.Elapsed.TotalSeconds:N1} s ({events / ingest.Elapsed.TotalSeconds:N0} events/s)");

    await Time("all calls", AnalyticsFilter.All);
    await Time("one hotel", new AnalyticsFilter { HotelId = "vienna" });
    await Time("one month", new AnalyticsFilter { From = start.AddMonths(6), To = start.AddMonths(7) });

    async Task Time(string name, AnalyticsFilter filter)
    {
        var first = Stopwatch.StartNew();
        var metrics = await store.GetConversationMetricsAsync(filter);
        first.Stop();
        var runs = new List<double>();
        for (int i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            await store.GetConversationMetricsAsync(filter);
            runs.Add(watch.Elapsed.TotalMilliseconds);
        }

        runs.Sort();
        Console.WriteLine($"{name}: {metrics.Calls:N0} calls, completion {metrics.CompletionRate:P1}; first {first.Elapsed.TotalMilliseconds:N0} ms, median of 5 {runs[2]:N0} ms");
    }
}
finally
{
    if (args.Length <= 1)
    {
        File.Delete(path);
        File.Delete(path + ".wal");
    }
}
