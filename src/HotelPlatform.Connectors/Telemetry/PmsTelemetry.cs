using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace HotelPlatform.Connectors;

/// <summary>
/// The names of the runtime's telemetry: every connector operation is one <see cref="Activity"/> of the source
/// <see cref="SourceName"/> and is measured on the meter of the same name, tagged with <see cref="VendorTag"/>,
/// <see cref="OperationTag"/> and <see cref="OutcomeTag"/>. The activity also carries <see cref="HotelTag"/>; the
/// measurements carry it only when <see cref="PmsTelemetryOptions.IncludeHotelInMetrics"/> is on, because one time series
/// per hotel, operation and outcome is millions of series for thousands of hotels. No tag carries personal data.
/// With OpenTelemetry: <c>.WithTracing(t =&gt; t.AddSource(PmsTelemetry.SourceName)).WithMetrics(m =&gt; m.AddMeter(PmsTelemetry.SourceName))</c>.
/// </summary>
public static class PmsTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and of the <see cref="Meter"/>.</summary>
    public const string SourceName = "HotelPlatform.Connectors";

    /// <summary>The histogram of operation durations, in seconds.</summary>
    public const string OperationDurationMetric = "pms.operation.duration";

    /// <summary>The counter of operations.</summary>
    public const string OperationCountMetric = "pms.operations";

    /// <summary>The gauge of the permits a vendor account's rate limiter has free now, tagged <see cref="VendorTag"/> and <see cref="AccountTag"/>.</summary>
    public const string RateLimitAvailablePermitsMetric = "pms.rate_limit.available_permits";

    /// <summary>The gauge of the permits a vendor account's rate limiter holds when none is in use (its burst), tagged <see cref="VendorTag"/> and <see cref="AccountTag"/>.</summary>
    public const string RateLimitPermitLimitMetric = "pms.rate_limit.permit_limit";

    /// <summary>The vendor account tag of the rate-limit gauges (<see cref="Http.PmsHttpClientOptions.EffectiveAccountKey"/>; never a secret).</summary>
    public const string AccountTag = "pms.account";

    /// <summary>The vendor tag (<c>apaleo</c>).</summary>
    public const string VendorTag = "pms.vendor";

    /// <summary>The operation tag (<c>CreateReservation</c>).</summary>
    public const string OperationTag = "pms.operation";

    /// <summary>The outcome tag; see the <c>Outcome...</c> constants.</summary>
    public const string OutcomeTag = "pms.outcome";

    /// <summary>The hotel key tag (<c>berlin-mitte</c>): on every activity; on measurements only when <see cref="PmsTelemetryOptions.IncludeHotelInMetrics"/> is on.</summary>
    public const string HotelTag = "pms.hotel";

    /// <summary>The tag of the failure's exception type, on failures only (OpenTelemetry's <c>error.type</c>).</summary>
    public const string ErrorTypeTag = "error.type";

    /// <summary>The operation succeeded.</summary>
    public const string OutcomeSuccess = "success";

    /// <summary><see cref="PmsNotFoundException"/>.</summary>
    public const string OutcomeNotFound = "not_found";

    /// <summary><see cref="PmsValidationException"/> or invalid arguments.</summary>
    public const string OutcomeValidation = "validation";

    /// <summary><see cref="PmsConflictException"/>.</summary>
    public const string OutcomeConflict = "conflict";

    /// <summary><see cref="PmsRateLimitedException"/>.</summary>
    public const string OutcomeRateLimited = "rate_limited";

    /// <summary><see cref="PmsUnavailableException"/>.</summary>
    public const string OutcomeUnavailable = "unavailable";

    /// <summary><see cref="PmsAuthenticationException"/>.</summary>
    public const string OutcomeAuthentication = "authentication";

    /// <summary><see cref="PmsNotSupportedException"/>.</summary>
    public const string OutcomeNotSupported = "not_supported";

    /// <summary>The caller cancelled.</summary>
    public const string OutcomeCancelled = "cancelled";

    /// <summary>Any other failure.</summary>
    public const string OutcomeError = "error";

    /// <summary>Classifies a failure into one of the outcome values.</summary>
    /// <param name="exception">The failure.</param>
    /// <param name="cancellationToken">The caller's token: an <see cref="OperationCanceledException"/> it requested is <see cref="OutcomeCancelled"/>.</param>
    /// <returns>The outcome.</returns>
    public static string Outcome(Exception exception, CancellationToken cancellationToken = default) => exception switch
    {
        PmsNotFoundException => OutcomeNotFound,
        PmsValidationException or ArgumentException => OutcomeValidation,
        PmsConflictException => OutcomeConflict,
        PmsRateLimitedException => OutcomeRateLimited,
        PmsUnavailableException => OutcomeUnavailable,
        PmsAuthenticationException => OutcomeAuthentication,
        PmsNotSupportedException => OutcomeNotSupported,
        OperationCanceledException when cancellationToken.IsCancellationRequested => OutcomeCancelled,
        OperationCanceledException => OutcomeUnavailable,
        _ => OutcomeError,
    };
}

/// <summary>
/// Settings of the runtime's telemetry, shared by every hotel. Set them with
/// <c>AddPmsConnectors().ConfigureTelemetry(o =&gt; ...)</c> or bind them like any options class
/// (<c>services.Configure&lt;PmsTelemetryOptions&gt;(configuration.GetSection("PmsTelemetry"))</c>).
/// </summary>
public sealed class PmsTelemetryOptions
{
    /// <summary>
    /// Gets or sets a value indicating whether the operation metrics carry the hotel key (<see cref="PmsTelemetry.HotelTag"/>).
    /// Off by default: every hotel multiplies the metric series by its own set (operations × outcomes × error types), so
    /// 5,000 hotels make millions of series in a metrics back end. Activities always carry the hotel, and so do the log
    /// lines of the HTTP pipeline; turn this on for a deployment with few hotels that wants per-hotel dashboards.
    /// </summary>
    public bool IncludeHotelInMetrics { get; set; }
}

/// <summary>The runtime's activity source and instruments; one per service provider (the meter comes from <see cref="IMeterFactory"/> where registered).</summary>
internal sealed class PmsInstrumentation : IDisposable
{
    internal static readonly ActivitySource ActivitySource = new(PmsTelemetry.SourceName, typeof(PmsInstrumentation).Assembly.GetName().Version?.ToString());

    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly Meter? _ownedMeter;

    public PmsInstrumentation(IMeterFactory? meterFactory)
    {
        var meter = meterFactory?.Create(PmsTelemetry.SourceName) ?? (_ownedMeter = new Meter(PmsTelemetry.SourceName));
        Duration = meter.CreateHistogram<double>(
            PmsTelemetry.OperationDurationMetric,
            unit: "s",
            description: "Duration of PMS connector operations.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        Count = meter.CreateCounter<long>(PmsTelemetry.OperationCountMetric, unit: "{operation}", description: "PMS connector operations.");
    }

    public Histogram<double> Duration { get; }

    public Counter<long> Count { get; }

    public void Dispose() => _ownedMeter?.Dispose();
}
