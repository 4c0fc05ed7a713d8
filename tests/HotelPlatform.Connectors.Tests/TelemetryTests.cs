using System.Diagnostics;
using System.Net;
using System.Runtime.CompilerServices;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace HotelPlatform.Connectors.Tests;

public sealed class TelemetryTests : IDisposable
{
    // Activity listeners are process-wide; every test uses its own hotel key and filters on it.
    private readonly string _hotel = $"hotel-{Guid.NewGuid():N}"[..20];
    private readonly List<Activity> _activities = [];
    private readonly ActivityListener _listener;

    public TelemetryTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PmsTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem(PmsTelemetry.HotelTag), _hotel))
                {
                    lock (_activities)
                    {
                        _activities.Add(activity);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _listener.Dispose();

    private (ServiceProvider Provider, MetricCollector<double> Durations, MetricCollector<long> Counts) Build(FakeConnector connector, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddSingleton<TimeProvider>(new ObservableTimeProvider());
        configure?.Invoke(services);
        services.AddPmsConnectors().AddConnector(_hotel, "acme", _ => connector);
        var provider = services.BuildServiceProvider();
        var meters = provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        return (provider,
            new MetricCollector<double>(meters, PmsTelemetry.SourceName, PmsTelemetry.OperationDurationMetric),
            new MetricCollector<long>(meters, PmsTelemetry.SourceName, PmsTelemetry.OperationCountMetric));
    }

    private List<Activity> Activities()
    {
        lock (_activities)
        {
            return [.. _activities];
        }
    }

    [Fact]
    public async Task A_successful_operation_emits_one_activity_and_one_measurement_with_vendor_operation_and_outcome()
    {
        var (provider, durations, counts) = Build(new FakeConnector());
        await using var _ = provider;

        await provider.GetRequiredKeyedService<IPmsConnector>(_hotel).GetPropertyAsync(Ct);

        var activity = Assert.Single(Activities());
        Assert.Equal("pms GetProperty", activity.DisplayName);
        Assert.Equal("acme", activity.GetTagItem(PmsTelemetry.VendorTag));
        Assert.Equal("GetProperty", activity.GetTagItem(PmsTelemetry.OperationTag));
        Assert.Equal(PmsTelemetry.OutcomeSuccess, activity.GetTagItem(PmsTelemetry.OutcomeTag));
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);

        var duration = Assert.Single(durations.GetMeasurementSnapshot());
        Assert.Equal("acme", duration.Tags[PmsTelemetry.VendorTag]);
        Assert.Equal("GetProperty", duration.Tags[PmsTelemetry.OperationTag]);
        Assert.Equal(PmsTelemetry.OutcomeSuccess, duration.Tags[PmsTelemetry.OutcomeTag]);
        Assert.False(duration.Tags.ContainsKey(PmsTelemetry.HotelTag), "The hotel is on metrics only when opted in (TelemetryCardinalityTests).");
        Assert.False(duration.Tags.ContainsKey(PmsTelemetry.ErrorTypeTag));
        Assert.Equal(1, Assert.Single(counts.GetMeasurementSnapshot()).Value);
    }

    [Fact]
    public async Task The_duration_is_measured_on_the_injected_clock_in_seconds()
    {
        ObservableTimeProvider? time = null;
        var connector = new FakeConnector
        {
            Property = _ =>
            {
                time!.Advance(TimeSpan.FromMilliseconds(1500));
                return Task.FromResult(new PmsProperty("P1", "Hotel", "Europe/Berlin", "EUR"));
            },
        };
        var (provider, durations, _) = Build(connector);
        await using var __ = provider;
        time = (ObservableTimeProvider)provider.GetRequiredService<TimeProvider>();

        await provider.GetRequiredKeyedService<IPmsConnector>(_hotel).GetPropertyAsync(Ct);

        Assert.Equal(1.5, Assert.Single(durations.GetMeasurementSnapshot()).Value);
    }

    [Theory]
    [InlineData(typeof(PmsNotFoundException), PmsTelemetry.OutcomeNotFound)]
    [InlineData(typeof(PmsValidationException), PmsTelemetry.OutcomeValidation)]
    [InlineData(typeof(PmsConflictException), PmsTelemetry.OutcomeConflict)]
    [InlineData(typeof(PmsRateLimitedException), PmsTelemetry.OutcomeRateLimited)]
    [InlineData(typeof(PmsUnavailableException), PmsTelemetry.OutcomeUnavailable)]
    [InlineData(typeof(PmsAuthenticationException), PmsTelemetry.OutcomeAuthentication)]
    [InlineData(typeof(PmsException), PmsTelemetry.OutcomeError)]
    [InlineData(typeof(InvalidOperationException), PmsTelemetry.OutcomeError)]
    public async Task A_failure_is_tagged_with_its_outcome_and_error_type_and_rethrown(Type exceptionType, string outcome)
    {
        var failure = (Exception)Activator.CreateInstance(exceptionType, "guest jane@example.com")!;
        var (provider, durations, _) = Build(new FakeConnector { Find = (_, _) => Task.FromException<Reservation?>(failure) });
        await using var _ = provider;

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => provider.GetRequiredKeyedService<IPmsConnector>(_hotel).FindReservationAsync("ABC", Ct));

        Assert.Same(failure, thrown);
        var activity = Assert.Single(Activities());
        Assert.Equal(outcome, activity.GetTagItem(PmsTelemetry.OutcomeTag));
        Assert.Equal(exceptionType.FullName, activity.GetTagItem(PmsTelemetry.ErrorTypeTag));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.DoesNotContain("jane", activity.StatusDescription ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(activity.TagObjects, t => t.Value?.ToString()?.Contains("ABC", StringComparison.Ordinal) == true);
        var measurement = Assert.Single(durations.GetMeasurementSnapshot());
        Assert.Equal(outcome, measurement.Tags[PmsTelemetry.OutcomeTag]);
        Assert.Equal(exceptionType.FullName, measurement.Tags[PmsTelemetry.ErrorTypeTag]);
    }

    [Fact]
    public async Task A_missing_capability_is_recorded_as_not_supported()
    {
        var (provider, durations, _) = Build(new FakeConnector(capabilities: ConnectorCapabilities.Inventory));
        await using var _ = provider;

        await Assert.ThrowsAsync<PmsNotSupportedException>(() => provider.GetRequiredKeyedService<IPmsConnector>(_hotel).FindReservationAsync("ABC", Ct));

        Assert.Equal(PmsTelemetry.OutcomeNotSupported, Assert.Single(durations.GetMeasurementSnapshot()).Tags[PmsTelemetry.OutcomeTag]);
    }

    [Fact]
    public async Task A_cancelled_call_is_recorded_as_cancelled()
    {
        using var cts = new CancellationTokenSource();
        var (provider, durations, _) = Build(new FakeConnector
        {
            Find = async (_, ct) =>
            {
                await cts.CancelAsync();
                ct.ThrowIfCancellationRequested();
                return null;
            },
        });
        await using var _ = provider;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.GetRequiredKeyedService<IPmsConnector>(_hotel).FindReservationAsync("ABC", cts.Token));

        Assert.Equal(PmsTelemetry.OutcomeCancelled, Assert.Single(durations.GetMeasurementSnapshot()).Tags[PmsTelemetry.OutcomeTag]);
    }

    [Fact]
    public async Task An_enumeration_is_one_activity_spanning_all_pages_with_the_item_count()
    {
        static async IAsyncEnumerable<Reservation> Pages([EnumeratorCancellation] CancellationToken ct = default)
        {
            for (var i = 0; i < 3; i++)
            {
                await Task.Yield();
                ct.ThrowIfCancellationRequested();
                yield return FakeConnector.Reservation($"R{i}");
            }
        }

        var (provider, durations, _) = Build(new FakeConnector { List = (_, ct) => Pages(ct) });
        await using var _ = provider;
        var connector = provider.GetRequiredKeyedService<IPmsConnector>(_hotel);

        var enumerable = connector.GetReservationsAsync(ReservationQuery.Arrivals(new DateOnly(2026, 3, 10)), Ct);
        Assert.Empty(Activities());
        var ids = new List<string>();
        await foreach (var reservation in enumerable)
        {
            ids.Add(reservation.VendorId);
        }

        Assert.Equal(["R0", "R1", "R2"], ids);
        var activity = Assert.Single(Activities());
        Assert.Equal("GetReservations", activity.GetTagItem(PmsTelemetry.OperationTag));
        Assert.Equal(3, activity.GetTagItem("pms.items"));
        Assert.Equal(PmsTelemetry.OutcomeSuccess, Assert.Single(durations.GetMeasurementSnapshot()).Tags[PmsTelemetry.OutcomeTag]);
    }

    [Fact]
    public async Task An_enumeration_that_fails_on_a_later_page_is_recorded_with_the_failure()
    {
        static async IAsyncEnumerable<Reservation> FailingPages([EnumeratorCancellation] CancellationToken ct = default)
        {
            await Task.Yield();
            yield return FakeConnector.Reservation("R0");
            throw new PmsUnavailableException("page 2 failed");
        }

        var (provider, durations, _) = Build(new FakeConnector { List = (_, ct) => FailingPages(ct) });
        await using var _ = provider;

        await Assert.ThrowsAsync<PmsUnavailableException>(async () =>
        {
            await foreach (var unused in provider.GetRequiredKeyedService<IPmsConnector>(_hotel).GetReservationsAsync(ReservationQuery.Arrivals(new DateOnly(2026, 3, 10)), Ct))
            {
            }
        });

        var activity = Assert.Single(Activities());
        Assert.Equal(PmsTelemetry.OutcomeUnavailable, activity.GetTagItem(PmsTelemetry.OutcomeTag));
        Assert.Equal(1, activity.GetTagItem("pms.items"));
        Assert.Single(durations.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task Invalid_arguments_of_an_enumeration_throw_at_the_call_and_are_recorded_as_validation()
    {
        var (provider, durations, _) = Build(new FakeConnector());
        await using var _ = provider;

        Assert.ThrowsAny<ArgumentException>(() => provider.GetRequiredKeyedService<IPmsConnector>(_hotel).GetReservationsAsync(ReservationQuery.Arrivals(new DateOnly(2026, 3, 10)) with { PageSize = -1 }, Ct));

        Assert.Equal(PmsTelemetry.OutcomeValidation, Assert.Single(durations.GetMeasurementSnapshot()).Tags[PmsTelemetry.OutcomeTag]);
    }

    [Fact]
    public async Task The_operation_name_reaches_the_HTTP_pipelines_log_lines()
    {
        var api = new TestHttpHandler((_, _) => new HttpResponseMessage(HttpStatusCode.NotFound));
        IHttpClientFactory? clients = null;
        var connector = new FakeConnector
        {
            Property = async ct =>
            {
                using var response = await clients!.CreateClient("acme:telemetry").GetAsync("property", ct);
                throw PmsHttpErrors.FromVendorError(PmsVendorError.FromResponse(response, "acme", "GetProperty"));
            },
        };
        var (provider, _, _) = Build(connector, services =>
        {
            services.AddFakeLogging();
            services.AddPmsHttpClient("acme:telemetry", _ => PipelineHarness.Options(_hotel)).ConfigurePrimaryHttpMessageHandler(() => api);
        });
        await using var _ = provider;
        clients = provider.GetRequiredService<IHttpClientFactory>();

        await Assert.ThrowsAsync<PmsNotFoundException>(() => provider.GetRequiredKeyedService<IPmsConnector>(_hotel).GetPropertyAsync(Ct));

        var record = Assert.Single(provider.GetFakeLogCollector().GetSnapshot(), r => r.Category == PmsHttpClientBuilderExtensions.LogCategory);
        Assert.Equal("GetProperty", record.GetStructuredStateValue("Operation"));
        Assert.Equal(PmsTelemetry.OutcomeNotFound, Assert.Single(Activities()).GetTagItem(PmsTelemetry.OutcomeTag));
    }

    [Fact]
    public async Task Health_checks_are_traced_with_the_reported_outcome()
    {
        var (provider, durations, _) = Build(new FakeConnector { Property = _ => throw new PmsAuthenticationException("refused") });
        await using var _ = provider;

        var report = await provider.GetRequiredKeyedService<IPmsConnector>(_hotel).CheckHealthAsync(Ct);

        Assert.Equal(PmsHealthStatus.Unhealthy, report.Status);
        Assert.Equal(PmsTelemetry.OutcomeAuthentication, Assert.Single(durations.GetMeasurementSnapshot()).Tags[PmsTelemetry.OutcomeTag]);
    }
}
