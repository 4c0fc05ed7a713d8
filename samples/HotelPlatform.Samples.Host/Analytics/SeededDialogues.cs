using HotelPlatform.Connectors.Analytics.Sgd;

namespace HotelPlatform.Samples.Host.Analytics;

/// <summary>
/// Dialogues in the SGD shape made from a fixed seed, for when the SGD dataset is not beside the repository: a guest
/// searches, the agent offers to book, the guest accepts or declines, the booking succeeds or fails, and some guests ask
/// for staff. Their figures are made up (the page says so); they only keep the dashboard from being empty.
/// </summary>
internal static class SeededDialogues
{
    private static readonly string[] Cities = ["Berlin", "Tokyo", "Munich", "Lisbon", "London", "Prague", "Sydney", "Vienna"];

    private static readonly string[] SearchPhrases =
    [
        "I need a hotel in {0} for {1} nights.", "Can you find me a place to stay in {0}?", "Looking for a hotel in {0}, {1} nights please.",
        "Are there rooms available in {0}?", "Find me somewhere to stay in {0} next week.",
    ];

    private static readonly string[] BookPhrases = ["Yes, book it please.", "Sure, reserve that one.", "Please make the reservation.", "Go ahead and book it."];

    private static readonly string[] DeclinePhrases = ["No, not now.", "No thanks, I will think about it.", "Not at the moment."];

    private static readonly string[] ClosingPhrases = ["Thanks, that's all.", "Thank you, goodbye.", "That is all I needed."];

    public static IReadOnlyList<SgdDialogue> Create(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => Dialogue($"seed_{seed}_{i:D5}", random))];
    }

    private static SgdDialogue Dialogue(string id, Random random)
    {
        string city = Cities[random.Next(Cities.Length)];
        string nights = random.Next(1, 6).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var turns = new List<SgdTurn>
        {
            User(string.Format(System.Globalization.CultureInfo.InvariantCulture, SearchPhrases[random.Next(SearchPhrases.Length)], city, nights), "SearchHotel"),
            Agent($"I found a nice hotel in {city}. Would you like to book it?", new SgdServiceCall("SearchHotel", new Dictionary<string, string> { ["location"] = city }), Act("OFFER_INTENT", "ReserveHotel")),
        };
        if (random.NextDouble() < 0.7)
        {
            turns.Add(User(BookPhrases[random.Next(BookPhrases.Length)], "ReserveHotel", Act("AFFIRM_INTENT")));
            bool booked = random.NextDouble() < 0.85;
            turns.Add(Agent(
                booked ? "Your room is booked." : "Sorry, I could not book that room.",
                new SgdServiceCall("ReserveHotel", new Dictionary<string, string> { ["location"] = city, ["stay_length"] = nights }),
                Act(booked ? "NOTIFY_SUCCESS" : "NOTIFY_FAILURE")));
        }
        else
        {
            turns.Add(User(DeclinePhrases[random.Next(DeclinePhrases.Length)], "SearchHotel", Act("NEGATE_INTENT")));
            turns.Add(Agent("Is there anything else I can help with?", null));
        }

        turns.Add(User(ClosingPhrases[random.Next(ClosingPhrases.Length)], turns[^2].HotelFrame?.State?.ActiveIntent ?? "SearchHotel", Act("THANK_YOU")));
        return new SgdDialogue(id, ["Hotels_1"], turns);
    }

    private static SgdAction Act(string act, params string[] values) => new(act, null, values);

    private static SgdTurn User(string utterance, string intent, params SgdAction[] actions) =>
        new("USER", utterance, [new SgdFrame("Hotels_1", actions, new SgdState(intent), null)]);

    private static SgdTurn Agent(string utterance, SgdServiceCall? call, params SgdAction[] actions) =>
        new("SYSTEM", utterance, [new SgdFrame("Hotels_1", actions, null, call)]);
}
