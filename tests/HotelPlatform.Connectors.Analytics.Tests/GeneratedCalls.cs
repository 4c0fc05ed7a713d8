namespace HotelPlatform.Connectors.Analytics.Tests;

/// <summary>
/// A seeded mix of calls over several hotels, currencies, PMS vendors and days, with every kind of event, for checking
/// the store's analyses against computations written here from the raw events.
/// </summary>
internal static class GeneratedCalls
{
    public static readonly string[] Hotels = ["berlin", "london", "tokyo", "paris", "lisbon"];

    public static readonly Dictionary<string, string> CurrencyOf = new(StringComparer.Ordinal)
    {
        ["berlin"] = "EUR", ["london"] = "GBP", ["tokyo"] = "JPY", ["paris"] = "EUR", ["lisbon"] = "EUR",
    };

    public static readonly CurrencyRates Rates = new("EUR", new Dictionary<string, decimal> { ["GBP"] = 1.17m, ["JPY"] = 0.0061m }, "test rates 2030-06-10");

    private static readonly string[] Intents = ["SearchHotel", "ReserveHotel", "NONE"];
    private static readonly string[] Vendors = ["apaleo", "mews", "inmemory"];
    private static readonly string[] Operations = ["GetAvailability", "Quote", "CreateReservation"];
    private static readonly string[] Outcomes = ["success", "success", "success", "success", "success", "rate_limited", "conflict", "unavailable"];

    private static readonly string[] UserLines =
    [
        "I need a hotel in Paris for two nights",
        "no that is too expensive",
        "do you have another one",
        "something different please",
        "yes book it",
        "thank you so much",
        "what is the address",
        "I need a hotel in Paris for two nights please",
    ];

    public static List<ConversationEvent> Make(int calls, int seed)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2030, 6, 1, 8, 0, 0, TimeSpan.Zero);
        var events = new List<ConversationEvent>();
        for (int i = 0; i < calls; i++)
        {
            string hotel = Hotels[random.Next(Hotels.Length)];
            var call = new Conversation($"g{i}", hotel, start.AddMinutes(random.Next(60 * 24 * 20)));
            events.Add(call.Started());
            double t = 0;
            int turns = random.Next(1, 8);
            for (int turn = 0; turn < turns; turn++)
            {
                t += random.Next(3, 40);
                events.Add(call.Event(ConversationEventKind.Turn, t, turn) with { Speaker = "user", Text = UserLines[random.Next(UserLines.Length)] });
                events.Add(call.Event(ConversationEventKind.Turn, t + 1, turn * 100 + 50) with { Speaker = "agent", Text = "I found a room. Would you like it?" });
                string confirmed = Intents[random.Next(Intents.Length)];
                string detected = random.NextDouble() < 0.8 ? confirmed : Intents[random.Next(Intents.Length)];
                if (random.NextDouble() < 0.9)
                {
                    events.Add(call.Event(ConversationEventKind.IntentDetected, t, turn) with { Intent = detected, Confidence = 0.7 });
                }

                if (random.NextDouble() < 0.9)
                {
                    events.Add(call.Event(ConversationEventKind.IntentConfirmed, t, turn) with { Intent = confirmed });
                }

                if (random.NextDouble() < 0.5)
                {
                    events.Add(call.Event(ConversationEventKind.PmsOperation, t + 2, turn) with
                    {
                        Operation = Operations[random.Next(Operations.Length)],
                        Vendor = Vendors[random.Next(Vendors.Length)],
                        Outcome = Outcomes[random.Next(Outcomes.Length)],
                        Duration = TimeSpan.FromMilliseconds(random.Next(5, 900)),
                    });
                }

                if (random.NextDouble() < 0.3)
                {
                    events.Add(call.Event(ConversationEventKind.OfferMade, t + 3, turn) with { Intent = random.NextDouble() < 0.5 ? "ReserveHotel" : "Breakfast" });
                    double answer = random.NextDouble();
                    if (answer < 0.45)
                    {
                        events.Add(call.Event(ConversationEventKind.OfferAccepted, t + 4, turn));
                    }
                    else if (answer < 0.85)
                    {
                        events.Add(call.Event(ConversationEventKind.OfferDeclined, t + 4, turn));
                    }
                }
            }

            if (random.NextDouble() < 0.45)
            {
                t += 5;
                events.Add(call.Booked(t, random.Next(80, 900)) with { Currency = CurrencyOf[hotel] });
            }

            if (random.NextDouble() < 0.15)
            {
                events.Add(call.Event(ConversationEventKind.TransferredToStaff, t + 1));
            }

            if (random.NextDouble() < 0.9)
            {
                events.Add(call.Ended(t + random.Next(1, 30)));
            }

            if (random.NextDouble() < 0.3)
            {
                events.Add(call.Event(ConversationEventKind.SurveyScored, t + 60) with { Score = random.Next(1, 6) });
            }
        }

        return events;
    }

    /// <summary>Appends in shuffled batches with every tenth event sent twice, as a real agent's retries would.</summary>
    public static async Task AppendShuffledAsync(IConversationEventStore store, List<ConversationEvent> events, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var shuffled = events.Concat(events.Where((_, i) => i % 10 == 0)).OrderBy(_ => random.Next()).ToList();
        foreach (var batch in shuffled.Chunk(500))
        {
            await store.AppendAsync(batch, cancellationToken);
        }
    }
}
