using System.Collections.Concurrent;
using HotelPlatform.Connectors.Bulk;

namespace HotelPlatform.Connectors.Tests.Bulk;

public sealed class PmsBulkCheckpointFingerprintTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hotelplatform-bulk-fingerprint-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_rerun_with_another_item_list_is_refused_naming_the_checkpoint_and_runs_nothing()
    {
        var checkpoint = Path.Combine(_directory, "cancel.checkpoint");
        var ran = new ConcurrentBag<string>();
        var options = new PmsBulkOptions { CheckpointPath = checkpoint };
        await RunAsync(["r-1", "r-2", "r-3"], options, ran);
        ran.Clear();

        var error = await Assert.ThrowsAsync<PmsBulkCheckpointMismatchException>(() => RunAsync(["r-1", "r-2", "r-4"], options, ran));

        Assert.Equal(Path.GetFullPath(checkpoint), error.CheckpointPath);
        Assert.Contains(Path.GetFullPath(checkpoint), error.Message, StringComparison.Ordinal);
        Assert.Contains("start afresh", error.Message, StringComparison.Ordinal);
        Assert.NotEqual(error.StoredFingerprint, error.JobFingerprint);
        Assert.Empty(ran);
    }

    [Fact]
    public async Task A_rerun_with_the_same_items_in_another_order_resumes_but_other_parameters_are_refused()
    {
        var checkpoint = Path.Combine(_directory, "push.checkpoint");
        var ran = new ConcurrentBag<string>();
        await RunAsync(["a", "b"], new PmsBulkOptions { CheckpointPath = checkpoint, Parameters = "2026-03-01" }, ran);

        var resumed = await RunAsync(["b", "a"], new PmsBulkOptions { CheckpointPath = checkpoint, Parameters = "2026-03-01" }, ran);
        await Assert.ThrowsAsync<PmsBulkCheckpointMismatchException>(() => RunAsync(["a", "b"], new PmsBulkOptions { CheckpointPath = checkpoint, Parameters = "2026-03-02" }, ran));

        Assert.Equal(2, resumed.Items.Count(i => i.FromCheckpoint));
        Assert.Equal(2, ran.Count);
    }

    [Fact]
    public async Task Starting_afresh_discards_a_mismatched_checkpoint_and_runs_every_item_again()
    {
        var checkpoint = Path.Combine(_directory, "arrivals.checkpoint");
        var ran = new ConcurrentBag<string>();
        await RunAsync(["a", "b"], new PmsBulkOptions { CheckpointPath = checkpoint }, ran);
        ran.Clear();

        var report = await RunAsync(["a", "c"], new PmsBulkOptions { CheckpointPath = checkpoint, StartAfresh = true }, ran);
        var resumed = await RunAsync(["a", "c"], new PmsBulkOptions { CheckpointPath = checkpoint }, ran);

        Assert.Equal(2, report.Succeeded);
        Assert.Equal(["a", "c"], ran.Order(StringComparer.Ordinal));
        Assert.All(resumed.Items, i => Assert.True(i.FromCheckpoint));
    }

    [Fact]
    public async Task A_checkpoint_written_before_fingerprints_existed_is_still_resumed()
    {
        var checkpoint = Path.Combine(_directory, "old.checkpoint");
        await File.WriteAllTextAsync(checkpoint, "{\"Id\":\"a\",\"Status\":\"Succeeded\"}\n", TestContext.Current.CancellationToken);
        var ran = new ConcurrentBag<string>();

        var report = await RunAsync(["a", "b"], new PmsBulkOptions { CheckpointPath = checkpoint }, ran);

        Assert.Equal(["b"], ran);
        Assert.True(report.Items.Single(i => i.ItemId == "a").FromCheckpoint);
    }

    [Fact]
    public async Task An_item_its_connector_cannot_do_is_not_supported_counted_in_progress_and_not_retried_on_resume()
    {
        var checkpoint = Path.Combine(_directory, "push.checkpoint");
        var attempts = new ConcurrentDictionary<string, int>();
        var last = default(PmsBulkProgress);
        Task<string> Work(string id, CancellationToken _)
        {
            attempts.AddOrUpdate(id, 1, (_, n) => n + 1);
            return id == "siteminder-less" ? throw new PmsNotSupportedException("The apaleo connector does not support rate and availability push.") : Task.FromResult(id);
        }

        string[] items = ["pushed", "siteminder-less", "failing"];
        var first = await PmsBulkRunner.RunAsync(items, i => i, _ => "account", (id, ct) => id == "failing" ? throw new PmsUnavailableException("down") : Work(id, ct), new PmsBulkOptions { CheckpointPath = checkpoint }, new SynchronousProgress(p => last = p), TestContext.Current.CancellationToken);
        var second = await PmsBulkRunner.RunAsync(items, i => i, _ => "account", Work, new PmsBulkOptions { CheckpointPath = checkpoint }, new SynchronousProgress(p => last = p), TestContext.Current.CancellationToken);

        var notSupported = first.Items.Single(i => i.ItemId == "siteminder-less");
        Assert.Equal(PmsBulkItemStatus.NotSupported, notSupported.Status);
        Assert.Contains("does not support rate and availability push", notSupported.Error, StringComparison.Ordinal);
        Assert.Equal((1, 1, 1, 0), (first.Succeeded, first.Failed, first.NotSupported, first.NotRun));
        Assert.False(first.Cancelled);

        Assert.Equal((2, 0, 1), (second.Succeeded, second.Failed, second.NotSupported));
        Assert.True(second.Items.Single(i => i.ItemId == "siteminder-less").FromCheckpoint);
        Assert.Equal(1, attempts["siteminder-less"]);
        Assert.Equal(1, attempts["pushed"]);
        Assert.Equal(1, attempts["failing"]);
        Assert.Equal((3, 3, 1), (last!.Total, last.Done, last.NotSupported));
    }

    private static Task<PmsBulkReport<string>> RunAsync(string[] items, PmsBulkOptions options, ConcurrentBag<string> ran) =>
        PmsBulkRunner.RunAsync(items, i => i, _ => "account", (id, _) =>
        {
            ran.Add(id);
            return Task.FromResult(id);
        }, options, null, TestContext.Current.CancellationToken);

    /// <summary>Records progress on the reporting thread.</summary>
    private sealed class SynchronousProgress(Action<PmsBulkProgress> report) : IProgress<PmsBulkProgress>
    {
        public void Report(PmsBulkProgress value) => report(value);
    }
}
