using HotelPlatform.Connectors;

namespace HotelPlatform.Samples.Host.Operations;

/// <summary>The service-level targets every hotel is measured against (<c>Ops:Sla</c>).</summary>
internal sealed class OpsSlaOptions
{
    /// <summary>Gets or sets the span the compliance is computed over (at most <see cref="OpsOperationWindow.Retention"/>).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Gets or sets the least share of health reports that are not unhealthy.</summary>
    public double MinAvailability { get; set; } = 0.995;

    /// <summary>Gets or sets the highest acceptable 95th percentile of operation latency.</summary>
    public TimeSpan MaxLatencyP95 { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the highest acceptable share of operations that failed the connection.</summary>
    public double MaxErrorRate { get; set; } = 0.01;

    /// <summary>The configuration errors, empty when the targets are usable.</summary>
    public IEnumerable<string> Validate()
    {
        if (Window <= TimeSpan.Zero || Window > OpsOperationWindow.Retention)
        {
            yield return $"Ops:Sla:Window must be more than zero and at most {OpsOperationWindow.Retention} (it is {Window}).";
        }

        if (MinAvailability is < 0 or > 1)
        {
            yield return $"Ops:Sla:MinAvailability is a share between 0 and 1 (it is {MinAvailability}).";
        }

        if (MaxLatencyP95 <= TimeSpan.Zero)
        {
            yield return $"Ops:Sla:MaxLatencyP95 must be more than zero (it is {MaxLatencyP95}).";
        }

        if (MaxErrorRate is < 0 or > 1)
        {
            yield return $"Ops:Sla:MaxErrorRate is a share between 0 and 1 (it is {MaxErrorRate}).";
        }
    }
}

/// <summary>
/// One target of one hotel: the measured value (null when nothing was measured in the window) and whether it meets
/// the target (null when there is nothing to judge).
/// </summary>
internal sealed record OpsSlaMeasure(double? Value, double Target, bool? Met);

/// <summary>A hotel's compliance over the window: availability from its health reports, p95 latency and error rate from its operations.</summary>
internal sealed record OpsSlaHotel(string Hotel, string Vendor, long Operations, int HealthReports, OpsSlaMeasure Availability, OpsSlaMeasure LatencyP95Ms, OpsSlaMeasure ErrorRate)
{
    /// <summary>Gets whether every judged target is met (a hotel with no data at all is not counted as breaching).</summary>
    public bool Compliant => Availability.Met != false && LatencyP95Ms.Met != false && ErrorRate.Met != false;
}

/// <summary>The SLA view: every configured hotel against the same targets.</summary>
internal sealed record OpsSlaReport(DateTimeOffset At, TimeSpan Window, IReadOnlyList<OpsSlaHotel> Hotels);

/// <summary>Computes the SLA view from the operations the metrics aggregator keeps by minute and the health reports the publisher keeps.</summary>
internal sealed class OpsSla(IPmsConnectorRegistry registry, OpsMetricsAggregator metrics, OpsHealthPublisher health, Microsoft.Extensions.Options.IOptions<OpsSlaOptions> options, TimeProvider time)
{
    public OpsSlaReport Report()
    {
        var targets = options.Value;
        var hotels = registry.Hotels.Select(hotel =>
        {
            var operations = metrics.Over(hotel.HotelId, targets.Window);
            var availability = health.Availability(hotel.HotelId, targets.Window);
            var hasOperations = operations.Operations > 0;
            return new OpsSlaHotel(
                hotel.HotelId,
                hotel.Vendor,
                operations.Operations,
                availability?.Reports ?? 0,
                new OpsSlaMeasure(availability?.Availability, targets.MinAvailability, availability is { } a ? a.Availability >= targets.MinAvailability : null),
                new OpsSlaMeasure(operations.P95Ms, targets.MaxLatencyP95.TotalMilliseconds, operations.P95Ms is { } p95 ? p95 <= targets.MaxLatencyP95.TotalMilliseconds : null),
                new OpsSlaMeasure(hasOperations ? operations.ErrorRate : null, targets.MaxErrorRate, hasOperations ? operations.ErrorRate <= targets.MaxErrorRate : null));
        });
        return new OpsSlaReport(time.GetUtcNow(), targets.Window, [.. hotels]);
    }
}
