using System.Diagnostics.Metrics;
using HotelPlatform.Connectors;
using HotelPlatform.Samples.Host.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HotelPlatform.Samples.Host.Tests;

/// <summary>The /ops aggregator fed through a real <see cref="IMeterFactory"/> meter with the runtime's instrument and tag names.</summary>
public sealed class OpsMetricsAggregatorTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Percentiles_error_and_429_rates_and_last_success_are_computed_per_hotel()
    {
        var factory = _services.GetRequiredService<IMeterFactory>();
        using var aggregator = new OpsMetricsAggregator(factory, _time);
        var duration = Duration(factory);

        for (var ms = 1; ms <= 100; ms++)
        {
            Record(duration, ms / 1000.0, "berlin", "apaleo", ms <= 90 ? PmsTelemetry.OutcomeSuccess : ms <= 95 ? PmsTelemetry.OutcomeUnavailable : PmsTelemetry.OutcomeRateLimited);
            if (ms == 90)
            {
                _time.Advance(TimeSpan.FromMinutes(1));
            }
        }

        Record(duration, 0.5, "paris", "mews", PmsTelemetry.OutcomeNotFound);

        var berlin = aggregator.Hotels().Single(h => h.Hotel == "berlin");
        var paris = aggregator.Hotels().Single(h => h.Hotel == "paris");
        Assert.Equal((100L, 50.0, 95.0, 99.0), (berlin.Operations, berlin.P50Ms!.Value, berlin.P95Ms!.Value, berlin.P99Ms!.Value), new RoundedComparer());
        Assert.Equal(0.10, berlin.ErrorRate, 6);
        Assert.Equal(0.05, berlin.RateLimitedRate, 6);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero), berlin.LastSuccess);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 12, 1, 0, TimeSpan.Zero), berlin.LastFailure);
        Assert.Equal((0.0, (DateTimeOffset?)null), (paris.ErrorRate, paris.LastSuccess));
        Assert.Equal(["apaleo", "mews"], aggregator.Vendors().Select(v => v.Vendor));
    }

    [Fact]
    public void Only_the_last_window_of_operations_counts_for_rates_while_the_total_keeps_growing()
    {
        var factory = _services.GetRequiredService<IMeterFactory>();
        using var aggregator = new OpsMetricsAggregator(factory, _time);
        var duration = Duration(factory);

        for (var i = 0; i < OpsMetricsAggregator.Window; i++)
        {
            Record(duration, 0.01, "berlin", "apaleo", PmsTelemetry.OutcomeError);
        }

        for (var i = 0; i < OpsMetricsAggregator.Window / 2; i++)
        {
            Record(duration, 0.01, "berlin", "apaleo", PmsTelemetry.OutcomeSuccess);
        }

        var berlin = Assert.Single(aggregator.Hotels());
        Assert.Equal(OpsMetricsAggregator.Window * 3 / 2, berlin.Operations);
        Assert.Equal(0.5, berlin.ErrorRate, 6);
    }

    [Fact]
    public void Measurements_of_another_meter_factory_and_without_vendor_are_not_counted()
    {
        var factory = _services.GetRequiredService<IMeterFactory>();
        using var aggregator = new OpsMetricsAggregator(factory, _time);
        using var other = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var version = aggregator.Version;

        Record(Duration(other.GetRequiredService<IMeterFactory>()), 0.01, "berlin", "apaleo", PmsTelemetry.OutcomeSuccess);
        Duration(factory).Record(0.01, new KeyValuePair<string, object?>(PmsTelemetry.OutcomeTag, PmsTelemetry.OutcomeSuccess));

        Assert.Empty(aggregator.Hotels());
        Assert.Equal(version, aggregator.Version);
    }

    [Fact]
    public void Caller_mistakes_are_not_connection_failures_but_outages_throttling_and_credentials_are()
    {
        Assert.All([PmsTelemetry.OutcomeNotFound, PmsTelemetry.OutcomeValidation, PmsTelemetry.OutcomeConflict, PmsTelemetry.OutcomeNotSupported, PmsTelemetry.OutcomeCancelled, PmsTelemetry.OutcomeSuccess],
            o => Assert.False(OpsMetricsAggregator.IsConnectionFailure(o)));
        Assert.All([PmsTelemetry.OutcomeUnavailable, PmsTelemetry.OutcomeAuthentication, PmsTelemetry.OutcomeRateLimited, PmsTelemetry.OutcomeError],
            o => Assert.True(OpsMetricsAggregator.IsConnectionFailure(o)));
        Assert.Null(OpsMetricsAggregator.Percentile([], 0.5));
    }

    public void Dispose() => _services.Dispose();

    private static Histogram<double> Duration(IMeterFactory factory) =>
        factory.Create(PmsTelemetry.SourceName).CreateHistogram<double>(PmsTelemetry.OperationDurationMetric, "s");

    private static void Record(Histogram<double> duration, double seconds, string hotel, string vendor, string outcome) =>
        duration.Record(seconds,
            new KeyValuePair<string, object?>(PmsTelemetry.VendorTag, vendor),
            new KeyValuePair<string, object?>(PmsTelemetry.OperationTag, "GetReservation"),
            new KeyValuePair<string, object?>(PmsTelemetry.OutcomeTag, outcome),
            new KeyValuePair<string, object?>(PmsTelemetry.HotelTag, hotel));

    private sealed class RoundedComparer : IEqualityComparer<(long, double, double, double)>
    {
        public bool Equals((long, double, double, double) x, (long, double, double, double) y) =>
            x.Item1 == y.Item1 && Math.Abs(x.Item2 - y.Item2) < 1e-9 && Math.Abs(x.Item3 - y.Item3) < 1e-9 && Math.Abs(x.Item4 - y.Item4) < 1e-9;

        public int GetHashCode((long, double, double, double) obj) => obj.Item1.GetHashCode();
    }
}
