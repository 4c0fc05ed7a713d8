using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.VisualBasic.FileIO;

namespace HotelPlatform.Connectors.Analytics.Tests;

public sealed class ExportTests
{
    private static readonly DateTimeOffset Monday = new(2030, 6, 10, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ConversationEvent[] SampleCall(string id, string hotel)
    {
        var call = new Conversation(id, hotel, Monday);
        return
        [
            call.Started(),
            call.Event(ConversationEventKind.Turn, 2, 0) with { Speaker = "user", Text = "Yes, London \"please\"\nnear the park", Duration = TimeSpan.FromMilliseconds(2500) },
            call.Event(ConversationEventKind.PmsOperation, 3, 1) with { Operation = "Quote", Vendor = "inmemory", Outcome = "success", Duration = TimeSpan.FromMilliseconds(12.5) },
            call.Booked(40, 245.5m),
            call.Ended(60),
        ];
    }

    [Fact]
    public async Task Reading_events_back_returns_what_was_stored_for_the_selected_calls_in_time_order()
    {
        using var store = new DuckDbConversationEventStore();
        var berlin = SampleCall("b", "berlin");
        await store.AppendAsync([.. SampleCall("t", "tokyo"), .. berlin.Reverse()], Ct);

        var read = await store.ReadEventsAsync(new AnalyticsFilter { HotelId = "berlin" }, Ct).ToListAsync(Ct);

        Assert.Equal(berlin, read);
    }

    [Fact]
    public async Task The_csv_export_has_a_header_and_one_parsable_row_per_event_with_quotes_commas_and_newlines_intact()
    {
        using var store = new DuckDbConversationEventStore();
        var events = SampleCall("b", "berlin");
        await store.AppendAsync(events, Ct);
        using var stream = new MemoryStream();

        long written = await ConversationEventExport.WriteCsvAsync(store.ReadEventsAsync(AnalyticsFilter.All, Ct), stream, Ct);

        stream.Position = 0;
        using var parser = new TextFieldParser(stream) { Delimiters = [","], HasFieldsEnclosedInQuotes = true };
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }

        Assert.Equal(5, written);
        Assert.Equal(6, rows.Count);
        Assert.Equal(["event_id", "conversation_id", "hotel_id", "kind", "occurred_at"], rows[0][..5]);
        var turn = rows.Single(r => r[3] == "Turn");
        Assert.Equal(("Yes, London \"please\"\nnear the park", "2500", "2030-06-10T09:00:02.0000000Z"), (turn[7], turn[12], turn[4]));
        var booking = rows.Single(r => r[3] == "BookingMade");
        Assert.Equal(("245.5000", "EUR", "R-b"), (booking[14], booking[15], booking[16]));
        Assert.Equal("12.5", rows.Single(r => r[3] == "PmsOperation")[12]);
    }

    [Fact]
    public async Task The_json_export_is_one_array_with_an_object_per_event_and_no_empty_properties()
    {
        using var store = new DuckDbConversationEventStore();
        await store.AppendAsync(SampleCall("b", "berlin"), Ct);
        using var stream = new MemoryStream();

        long written = await ConversationEventExport.WriteJsonAsync(store.ReadEventsAsync(AnalyticsFilter.All, Ct), stream, Ct);

        using var document = JsonDocument.Parse(stream.ToArray());
        var rows = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(5, written);
        Assert.Equal(5, rows.Count);
        Assert.Equal(["event_id", "conversation_id", "hotel_id", "kind", "occurred_at", "channel", "language"], rows[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("245.5000", rows.Single(r => r.GetProperty("kind").GetString() == "BookingMade").GetProperty("amount").GetString());
    }

    [Fact]
    public async Task Both_exports_reach_the_stream_before_the_last_event_is_read()
    {
        foreach (var export in new Func<IAsyncEnumerable<ConversationEvent>, Stream, Task<long>>[]
                 {
                     (e, s) => ConversationEventExport.WriteCsvAsync(e, s, Ct),
                     (e, s) => ConversationEventExport.WriteJsonAsync(e, s, Ct),
                 })
        {
            using var stream = new MemoryStream();
            long bytesBeforeTheEnd = -1;

            await export(ManyEvents(20_000, () => bytesBeforeTheEnd = stream.Length, Ct), stream);

            Assert.True(bytesBeforeTheEnd > 0, "nothing was written before the enumeration ended: the export held everything");
        }
    }

    private static async IAsyncEnumerable<ConversationEvent> ManyEvents(int count, Action beforeTheLast, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var call = new Conversation("many", "berlin", Monday);
        for (int i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (i == count - 1)
            {
                beforeTheLast();
            }

            yield return call.Event(ConversationEventKind.Turn, i, i) with { Speaker = "user", Text = "a turn with some words in it" };
            await Task.Yield();
        }
    }
}
