namespace HotelPlatform.Connectors.Analytics.Tests.Reports;

/// <summary>
/// Four calls on one day: two booked (one after an accepted offer), one transferred, one abandoned; three searched,
/// two offered, two reserved; intents scored on five turns (four right).
/// </summary>
internal static class SampleStore
{
    public static readonly DateTimeOffset Day = new(2030, 6, 10, 9, 0, 0, TimeSpan.Zero);

    public static async Task<DuckDbConversationEventStore> CreateAsync(CancellationToken cancellationToken)
    {
        var store = new DuckDbConversationEventStore();
        var events = new List<ConversationEvent>();
        foreach (var (id, hotel, booked, transferred) in new[] { ("a", "berlin", true, false), ("b", "berlin", true, false), ("c", "tokyo", false, true), ("d", "tokyo", false, false) })
        {
            var call = new Conversation(id, hotel, Day.AddMinutes(events.Count));
            events.Add(call.Started());
            events.AddRange(call.Intent(0, "FindHotel", "FindHotel"));
            if (id != "d")
            {
                events.Add(call.Event(ConversationEventKind.PmsOperation, 5, 1) with { Operation = "GetAvailability", Vendor = "inmemory", Outcome = "success", Duration = TimeSpan.FromMilliseconds(8) });
            }

            if (id is "a" or "c")
            {
                events.Add(call.Event(ConversationEventKind.OfferMade, 10, 1) with { Intent = "ReserveHotel" });
                events.Add(id == "a" ? call.Event(ConversationEventKind.OfferAccepted, 12, 2) : call.Event(ConversationEventKind.OfferDeclined, 12, 2));
            }

            if (booked)
            {
                events.AddRange(call.Intent(2, id == "a" ? "ReserveHotel" : "FindHotel", "ReserveHotel"));
                events.Add(call.Booked(30));
            }

            if (transferred)
            {
                events.Add(call.Event(ConversationEventKind.TransferredToStaff, 20));
            }

            events.Add(call.Ended(60 + (30 * events.Count % 90)));
        }

        await store.AppendAsync(events, cancellationToken);
        return store;
    }
}
