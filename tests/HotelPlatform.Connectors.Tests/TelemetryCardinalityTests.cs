using System.Diagnostics;
using System.Diagnostics.Metrics;
using HotelPlatform.Connectors.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Tests;

/// <summary>
/// The hotel key multiplies metric series by the number of hotels, so measurements carry it only when
/// <see cref="PmsTelemetryOptions.IncludeHotelInMetrics"/> is on; activities always carry it. Listened to with the BCL's
/// own <see cref="MeterListener"/> and <see cref="ActivityListener"/>, as an exporter would.
/// </summary>
public sealed class TelemetryCardinalityTests : IDisposable
{
    // Both listeners are process-wide: every test uses its own hotel key and vendor name and keeps only what carries them.
    private readonly string _hotel = $"hotel-{Guid.NewGuid():N}"[..20];
    private readonly string _vendor = $"vendor-{Guid.NewGuid():N}"[..20];
    private readonly List<Activity> _activities = [];
    private readonly List<(string Instrument, Dictionary<string, object?> Tags)> _measurements = [];
    private readonly ActivityListener _activityListener;
    private readonly MeterListener _meterListener;

    public TelemetryCardinalityTests()
    {
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PmsTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem(PmsTelemetry.VendorTag), _vendor))
                {
                    lock (_activities)
                    {
                        _activities.Add(activity);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(_activityListener);

        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == PmsTelemetry.SourceName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meterListener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Record(instrument, tags));
        _meterListener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => Record(instrument, tags));
        _meterListener.Start();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _meterListener.Dispose();
        _activityListener.Dispose();
    }

    [Fact]
    public async Task By_default_metrics_carry_no_hotel_while_the_activity_does()
    {
        await using var provider = Build(configure: null);

        await provider.GetRequiredKeyedService<IPmsConnector>(_hotel).GetPropertyAsync(Ct);

        var measurements = Measurements();
        Assert.Equal([PmsTelemetry.OperationDurationMetric, PmsTelemetry.OperationCountMetric], measurements.Select(m => m.Instrument).Order(StringComparer.Ordinal));
        Assert.All(measurements, m =>
        {
            Assert.False(m.Tags.ContainsKey(PmsTelemetry.HotelTag), $"{m.Instrument} carries the hotel key.");
            Assert.Equal("GetProperty", m.Tags[PmsTelemetry.OperationTag]);
        });
        Assert.Equal(_hotel, Assert.Single(Activities()).GetTagItem(PmsTelemetry.HotelTag));
    }

    [Fact]
    public async Task Opted_in_metrics_carry_the_hotel_and_the_activity_still_does()
    {
        await using var provider = Build(builder => builder.ConfigureTelemetry(o => o.IncludeHotelInMetrics = true));

        await provider.GetRequiredKeyedService<IPmsConnector>(_hotel).GetPropertyAsync(Ct);

        var measurements = Measurements();
        Assert.Equal(2, measurements.Count);
        Assert.All(measurements, m => Assert.Equal(_hotel, m.Tags[PmsTelemetry.HotelTag]));
        Assert.Equal(_hotel, Assert.Single(Activities()).GetTagItem(PmsTelemetry.HotelTag));
    }

    [Fact]
    public async Task The_opt_in_binds_from_configuration_like_any_options_class()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("PmsTelemetry:IncludeHotelInMetrics", "true")])
            .Build();
        await using var provider = Build(builder => builder.Services.Configure<PmsTelemetryOptions>(configuration.GetSection("PmsTelemetry")));

        await provider.GetRequiredKeyedService<IPmsConnector>(_hotel).GetPropertyAsync(Ct);

        Assert.All(Measurements(), m => Assert.Equal(_hotel, m.Tags[PmsTelemetry.HotelTag]));
    }

    [Fact]
    public async Task A_failure_measured_without_the_hotel_keeps_its_outcome_and_error_type()
    {
        var connector = new FakeConnector(vendor: _vendor) { Property = _ => throw new PmsNotFoundException("gone") };
        await using var provider = Build(configure: null, connector);

        await Assert.ThrowsAsync<PmsNotFoundException>(() => provider.GetRequiredKeyedService<IPmsConnector>(_hotel).GetPropertyAsync(Ct));

        Assert.All(Measurements(), m =>
        {
            Assert.False(m.Tags.ContainsKey(PmsTelemetry.HotelTag));
            Assert.Equal(PmsTelemetry.OutcomeNotFound, m.Tags[PmsTelemetry.OutcomeTag]);
            Assert.Equal(typeof(PmsNotFoundException).FullName, m.Tags[PmsTelemetry.ErrorTypeTag]);
        });
        var activity = Assert.Single(Activities());
        Assert.Equal(_hotel, activity.GetTagItem(PmsTelemetry.HotelTag));
        Assert.Equal(PmsTelemetry.OutcomeNotFound, activity.GetTagItem(PmsTelemetry.OutcomeTag));
    }

    private ServiceProvider Build(Action<IPmsConnectorsBuilder>? configure, FakeConnector? connector = null)
    {
        var services = new ServiceCollection();
        services.AddMetrics();
        var builder = services.AddPmsConnectors();
        configure?.Invoke(builder);
        var hotelConnector = connector ?? new FakeConnector(vendor: _vendor);
        builder.AddConnector(_hotel, _vendor, _ => hotelConnector);
        return services.BuildServiceProvider();
    }

    private void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        if (!Equals(copy.GetValueOrDefault(PmsTelemetry.VendorTag), _vendor))
        {
            return;
        }

        lock (_measurements)
        {
            _measurements.Add((instrument.Name, copy));
        }
    }

    private List<(string Instrument, Dictionary<string, object?> Tags)> Measurements()
    {
        lock (_measurements)
        {
            return [.. _measurements];
        }
    }

    private List<Activity> Activities()
    {
        lock (_activities)
        {
            return [.. _activities];
        }
    }
}
