using System.Collections.Concurrent;
using HotelPlatform.Connectors.Bulk;
using HotelPlatform.Connectors.Http;

namespace HotelPlatform.Connectors.Tests.Bulk;

public sealed class PmsBulkRunnerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hotelplatform-bulk-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_failing_item_is_reported_and_every_other_item_still_runs()
    {
        var hotels = Hotels(10, accounts: 2);
        var progress = new List<PmsBulkProgress>();

        var report = await PmsBulkRunner.RunAsync(
            hotels,
            h => h.Id,
            h => h.Account,
            (h, _) => h.Id is "hotel-3" or "hotel-7" ? throw new PmsUnavailableException($"{h.Id} is down") : Task.FromResult(h.Id.ToUpperInvariant()),
            new PmsBulkOptions { MaxParallelismPerAccount = 1 },
            new SynchronousProgress(progress.Add),
            TestContext.Current.CancellationToken);

        Assert.False(report.Cancelled);
        Assert.Equal((8, 2, 0), (report.Succeeded, report.Failed, report.NotRun));
        Assert.Equal(hotels.Select(h => h.Id), report.Items.Select(i => i.ItemId));
        var failed = Assert.Single(report.Items, i => i.ItemId == "hotel-3");
        Assert.Equal(PmsBulkItemStatus.Failed, failed.Status);
        Assert.Equal("PmsUnavailableException: hotel-3 is down", failed.Error);
        Assert.Equal("HOTEL-4", report.Items.Single(i => i.ItemId == "hotel-4").Value);
        Assert.Equal(new PmsBulkProgress(10, 8, 2, progress[^1].LastItemId), progress[^1]);
        Assert.Equal(11, progress.Count);
    }

    [Fact]
    public async Task A_cancelled_job_resumed_from_its_checkpoint_does_every_item_exactly_once()
    {
        var hotels = Hotels(40, accounts: 3);
        var checkpoint = Path.Combine(_directory, "arrivals.checkpoint");
        var completions = new ConcurrentDictionary<string, int>();
        using var stop = new CancellationTokenSource();
        var finished = 0;

        async Task<string> Work(Hotel hotel, CancellationToken token)
        {
            await Task.Yield();
            token.ThrowIfCancellationRequested();
            completions.AddOrUpdate(hotel.Id, 1, (_, n) => n + 1);
            if (Interlocked.Increment(ref finished) == 13)
            {
                await stop.CancelAsync();
            }

            return hotel.Id;
        }

        var options = new PmsBulkOptions { MaxParallelismPerAccount = 3, CheckpointPath = checkpoint };
        var first = await PmsBulkRunner.RunAsync(hotels, h => h.Id, h => h.Account, Work, options, null, stop.Token);
        Assert.True(first.Cancelled);
        Assert.InRange(first.Succeeded, 13, 39);
        Assert.Equal(first.Succeeded, completions.Count);

        var second = await PmsBulkRunner.RunAsync(hotels, h => h.Id, h => h.Account, Work, options, null, TestContext.Current.CancellationToken);

        Assert.False(second.Cancelled);
        Assert.Equal(40, second.Succeeded);
        Assert.Equal(first.Succeeded, second.Items.Count(i => i.FromCheckpoint));
        Assert.Equal(hotels.Select(h => h.Id).Order(), completions.Keys.Order());
        Assert.All(completions, c => Assert.Equal(1, c.Value));
    }

    [Fact]
    public async Task A_failed_item_is_tried_again_on_resume_and_a_torn_last_line_is_ignored()
    {
        var hotels = Hotels(3, accounts: 1);
        var checkpoint = Path.Combine(_directory, "cancel.checkpoint");
        var attempts = new ConcurrentDictionary<string, int>();
        var options = new PmsBulkOptions { CheckpointPath = checkpoint };
        Task<int> Work(Hotel h, CancellationToken _)
        {
            var attempt = attempts.AddOrUpdate(h.Id, 1, (_, n) => n + 1);
            return h.Id == "hotel-1" && attempt == 1 ? throw new InvalidOperationException("refused") : Task.FromResult(attempt);
        }

        var first = await PmsBulkRunner.RunAsync(hotels, h => h.Id, h => h.Account, Work, options, null, TestContext.Current.CancellationToken);
        await File.AppendAllTextAsync(checkpoint, "{\"Id\":\"hotel-2\",\"Sta", TestContext.Current.CancellationToken);
        var second = await PmsBulkRunner.RunAsync(hotels, h => h.Id, h => h.Account, Work, options, null, TestContext.Current.CancellationToken);

        Assert.Equal((2, 1), (first.Succeeded, first.Failed));
        Assert.Equal((3, 0), (second.Succeeded, second.Failed));
        Assert.Equal(2, second.Items.Single(i => i.ItemId == "hotel-1").Value);
        Assert.Equal([1, 2, 1], hotels.Select(h => attempts[h.Id]));
    }

    [Fact]
    public async Task No_account_ever_runs_more_items_at_once_than_allowed_and_every_call_is_in_the_bulk_lane()
    {
        const int Bound = 2;
        var hotels = Hotels(30, accounts: 3);
        var running = new ConcurrentDictionary<string, int>();
        var peak = new ConcurrentDictionary<string, int>();
        var lanes = new ConcurrentBag<PmsTrafficLane>();

        // Items of an account wait until the bound is reached once, so the test sees the runner reach it, not only stay under it.
        var reached = hotels.Select(h => h.Account).Distinct().ToDictionary(a => a, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        async Task<bool> Work(Hotel hotel, CancellationToken token)
        {
            lanes.Add(PmsTrafficLanes.Current);
            var now = running.AddOrUpdate(hotel.Account, 1, (_, n) => n + 1);
            peak.AddOrUpdate(hotel.Account, now, (_, p) => Math.Max(p, now));
            if (now == Bound)
            {
                reached[hotel.Account].TrySetResult();
            }

            await reached[hotel.Account].Task.WaitAsync(token);
            await Task.Yield();
            running.AddOrUpdate(hotel.Account, 0, (_, n) => n - 1);
            return true;
        }

        var report = await PmsBulkRunner.RunAsync(hotels, h => h.Id, h => h.Account, Work, new PmsBulkOptions { MaxParallelismPerAccount = Bound }, null, TestContext.Current.CancellationToken);

        Assert.Equal(30, report.Succeeded);
        Assert.Equal(3, peak.Count);
        Assert.All(peak.Values, p => Assert.Equal(Bound, p));
        Assert.All(lanes, lane => Assert.Equal(PmsTrafficLane.Bulk, lane));
        Assert.Equal(PmsTrafficLane.Interactive, PmsTrafficLanes.Current);
    }

    [Fact]
    public async Task Duplicate_item_ids_are_refused_before_anything_runs()
    {
        var ran = 0;
        var hotels = new[] { new Hotel("a", "x"), new Hotel("a", "y") };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => PmsBulkRunner.RunAsync(
            hotels, h => h.Id, h => h.Account, (_, _) => Task.FromResult(Interlocked.Increment(ref ran)), new PmsBulkOptions(), null, TestContext.Current.CancellationToken));

        Assert.Contains("'a' appears more than once", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, ran);
    }

    private static Hotel[] Hotels(int count, int accounts) =>
        Enumerable.Range(0, count).Select(i => new Hotel($"hotel-{i}", $"account-{i % accounts}")).ToArray();

    private sealed record Hotel(string Id, string Account);

    /// <summary>Records progress on the reporting thread (Progress&lt;T&gt; would post it later).</summary>
    private sealed class SynchronousProgress(Action<PmsBulkProgress> report) : IProgress<PmsBulkProgress>
    {
        public void Report(PmsBulkProgress value) => report(value);
    }
}
