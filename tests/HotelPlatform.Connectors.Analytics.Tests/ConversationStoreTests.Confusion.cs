namespace HotelPlatform.Connectors.Analytics.Tests;

public abstract partial class ConversationStoreTests
{
    [Fact]
    public async Task The_confusion_matrix_counts_pairs_of_the_selected_calls_and_gives_precision_and_recall_per_intent()
    {
        using var store = await NewStoreAsync();
        var berlin = new Conversation("b", "berlin", Monday);
        var tokyo = new Conversation("t", "tokyo", Monday);
        await store.AppendAsync(
        [
            berlin.Started(),
            .. berlin.Intent(0, "SearchHotel", "SearchHotel"),
            .. berlin.Intent(1, "SearchHotel", "SearchHotel"),
            .. berlin.Intent(2, "SearchHotel", "ReserveHotel"),
            .. berlin.Intent(3, "ReserveHotel", "ReserveHotel"),
            .. berlin.Intent(4, "NONE", "ReserveHotel"),
            tokyo.Started(),
            .. tokyo.Intent(0, "NONE", "SearchHotel"),
        ], Ct);

        var confusion = await store.GetIntentConfusionAsync(new AnalyticsFilter { HotelId = "berlin" }, Ct);

        Assert.Equal(
            [new("ReserveHotel", "NONE", 1), new("ReserveHotel", "ReserveHotel", 1), new("ReserveHotel", "SearchHotel", 1), new("SearchHotel", "SearchHotel", 2)],
            confusion.Cells);
        Assert.Equal(
            [new("NONE", 0.0, null), new("ReserveHotel", 1.0, 1.0 / 3), new("SearchHotel", 2.0 / 3, 1.0)],
            confusion.Scores);
        Assert.Contains(new IntentConfusionCell("SearchHotel", "NONE", 1), (await store.GetIntentConfusionAsync(AnalyticsFilter.All, Ct)).Cells);
    }
}
