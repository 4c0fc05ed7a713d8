using HotelPlatform.Connectors.Caching;
using HotelPlatform.Connectors.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace HotelPlatform.Connectors.Tests.Caching;

public sealed class CachedValueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class Vendor
    {
        private int _reads;

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Reads => Volatile.Read(ref _reads);

        public Exception? Failure { get; set; }

        public async Task<string> ReadAsync(CancellationToken cancellationToken)
        {
            var read = Interlocked.Increment(ref _reads);
            await Gate.Task.WaitAsync(cancellationToken);
            return Failure is { } failure ? throw failure : $"value-{read}";
        }
    }

    [Fact]
    public async Task Twenty_concurrent_cold_calls_make_one_read()
    {
        var vendor = new Vendor();
        var cached = new PmsCachedValue<string>(vendor.ReadAsync, TimeSpan.FromMinutes(10), new FakeTimeProvider());

        var calls = Enumerable.Range(0, 20).Select(_ => cached.GetAsync(Ct).AsTask()).ToList();
        vendor.Gate.SetResult();
        var values = await Task.WhenAll(calls).Within();

        Assert.Equal(1, vendor.Reads);
        Assert.All(values, v => Assert.Equal("value-1", v));
    }

    [Fact]
    public async Task A_value_is_kept_for_its_lifetime_and_read_again_after_it()
    {
        var vendor = new Vendor();
        vendor.Gate.SetResult();
        var clock = new FakeTimeProvider();
        var cached = new PmsCachedValue<string>(vendor.ReadAsync, TimeSpan.FromMinutes(10), clock);

        Assert.Equal("value-1", await cached.GetAsync(Ct).AsTask().Within());
        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal("value-1", await cached.GetAsync(Ct).AsTask().Within());
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("value-2", await cached.GetAsync(Ct).AsTask().Within());
        Assert.Equal("value-3", await cached.RefreshAsync(Ct).Within());
        Assert.Equal(3, vendor.Reads);
    }

    [Fact]
    public async Task A_failed_read_is_not_kept_and_the_next_call_reads_again()
    {
        var vendor = new Vendor { Failure = new PmsUnavailableException("down") };
        vendor.Gate.SetResult();
        var cached = new PmsCachedValue<string>(vendor.ReadAsync, TimeSpan.FromMinutes(10), new FakeTimeProvider());

        await Assert.ThrowsAsync<PmsUnavailableException>(() => cached.GetAsync(Ct).AsTask().Within());
        vendor.Failure = null;

        Assert.Equal("value-2", await cached.GetAsync(Ct).AsTask().Within());
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_read_for_the_others()
    {
        var vendor = new Vendor();
        var cached = new PmsCachedValue<string>(vendor.ReadAsync, TimeSpan.FromMinutes(10), new FakeTimeProvider());
        using var impatient = new CancellationTokenSource();

        var givesUp = cached.GetAsync(impatient.Token).AsTask();
        var waits = cached.GetAsync(Ct).AsTask();
        await impatient.CancelAsync();
        vendor.Gate.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => givesUp.Within());
        Assert.Equal("value-1", await waits.Within());
        Assert.Equal(1, vendor.Reads);
    }

    [Fact]
    public async Task A_zero_lifetime_reads_on_every_call_and_invalidate_drops_the_value()
    {
        var vendor = new Vendor();
        vendor.Gate.SetResult();
        var every = new PmsCachedValue<string>(vendor.ReadAsync, TimeSpan.Zero, new FakeTimeProvider());
        await every.GetAsync(Ct).AsTask().Within();
        await every.GetAsync(Ct).AsTask().Within();
        Assert.Equal(2, vendor.Reads);

        var kept = new PmsCachedValue<string>(vendor.ReadAsync, TimeSpan.FromHours(1), new FakeTimeProvider());
        await kept.GetAsync(Ct).AsTask().Within();
        kept.Invalidate();
        await kept.GetAsync(Ct).AsTask().Within();
        Assert.Equal(4, vendor.Reads);
    }
}
