using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.RateLimiting;
using Polly.Telemetry;

namespace HotelPlatform.Connectors.Http;

/// <summary>
/// The resilience pipeline of a PMS client, outermost first: total timeout → retry (reads and writes marked safe only;
/// exponential backoff with jitter; <c>Retry-After</c> honoured) → the account's rate limiter → per-attempt timeout.
/// The limiter sits inside the retry so every attempt spends a permit, and outside the attempt timeout so that waiting
/// for a permit is not mistaken for a slow vendor. Before the permit, every attempt waits out the account-wide pause a
/// vendor 429 started (<see cref="PmsAccountBackoff"/>).
/// </summary>
internal static partial class PmsResilience
{
    /// <summary>The name of the resilience handler on every PMS client.</summary>
    public const string PipelineName = "pms";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, PmsHttpClientOptions options, IServiceProvider services)
    {
        var timeProvider = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(PmsHttpClientBuilderExtensions.LogCategory);

        // Backoff delays, Retry-After waits and timeouts all run on the injected clock.
        builder.TimeProvider = timeProvider;

        // Polly's own log lines carry the failed attempt's exception and its message, which the pipeline does not
        // control; keep Polly's metrics (and the enrichers registered for them) but log retries ourselves (OnRetry),
        // so that every log line of a PMS client is composed from fields known to be free of personal data and secrets.
        var telemetry = new TelemetryOptions(services.GetService<IOptions<TelemetryOptions>>()?.Value ?? new TelemetryOptions())
        {
            LoggerFactory = NullLoggerFactory.Instance,
        };
        builder.ConfigureTelemetry(telemetry);
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "pms-total-timeout", Timeout = options.TotalTimeout });
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "pms-retry",
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryAfter > TimeSpan.FromSeconds(30) ? options.MaxRetryAfter : TimeSpan.FromSeconds(30),

                // The wait the classifier read (Retry-After, or what a vendor's dialect says) wins over the backoff.
                ShouldRetryAfterHeader = false,
                DelayGenerator = static args => ValueTask.FromResult(
                    args.Outcome.Result is { } response && PmsHttpResponses.GetClassification(response).RetryAfter is { } wait ? wait : (TimeSpan?)null),
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options)),
                OnRetry = args =>
                {
                    LogRetry(logger, options, args);
                    return ValueTask.CompletedTask;
                },
            });
        }

        // Every attempt first waits out a pause of the whole account (a 429 another caller received), then takes a permit
        // of the account's quota, if the vendor documents one.
        var registry = services.GetRequiredService<PmsRateLimiterRegistry>();
        var backoff = registry.GetBackoff(options.EffectiveAccountKey);
        // A registered provider (a limiter shared by several hosts) replaces the in-process bucket.
        var shared = services.GetService<IPmsRateLimiterProvider>();
        var limiter = options.RateLimit is not { } quota ? null
            : shared is not null ? shared.GetLimiter(options.EffectiveAccountKey, quota)
            : registry.GetLimiter(options.EffectiveAccountKey, quota);
        if (limiter is not null)
        {
            // Quota in use on the meter (pms.rate_limit.*), whichever limiter paces the account.
            services.GetService<PmsRateLimitGauges>()?.Track(options.Vendor, options.EffectiveAccountKey, options.RateLimit!, limiter);
        }

        builder.AddRateLimiter(new RateLimiterStrategyOptions
        {
            Name = "pms-rate-limiter",
            RateLimiter = args => AcquireAsync(limiter, backoff, options, timeProvider, args.Context.CancellationToken),
        });

        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "pms-attempt-timeout", Timeout = options.AttemptTimeout });
    }

    /// <summary>
    /// Whether a failed attempt is tried again: only when the request cannot be applied twice (a read, a write with an
    /// idempotency key or flagged safe) and the failure is transient (5xx, 408, 429, a connection failure, an attempt
    /// timeout, a failed token request); never when the vendor asks for a longer wait than the pipeline is willing to
    /// spend — that answer goes back to the connector as a rate-limit error with its <c>Retry-After</c>.
    /// </summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, PmsHttpClientOptions options)
    {
        var request = outcome.Result?.RequestMessage ?? context.GetRequestMessage();
        if (request is null || !PmsHttpRequestOptions.IsSafeToRetry(request, options.IdempotencyKeyHeader))
        {
            return false;
        }

        if (outcome.Result is { } response)
        {
            // The vendor's classifier decides (Cloudbeds' 200 with success:false, a SOAP Fault on 500 are not transient).
            var classification = PmsHttpResponses.GetClassification(response);
            return classification.Outcome == PmsResponseOutcome.Transient
                   && (classification.RetryAfter is not { } wait || wait <= options.MaxRetryAfter);
        }

        return outcome.Exception is PmsUnavailableException || HttpClientResiliencePredicates.IsTransient(outcome);
    }

    private static void LogRetry(ILogger logger, PmsHttpClientOptions options, Polly.Retry.OnRetryArguments<HttpResponseMessage> args)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var request = args.Outcome.Result?.RequestMessage ?? args.Context.GetRequestMessage();
        var operation = request is not null && request.Options.TryGetValue(PmsHttpRequestOptions.Operation, out var named) ? named : PmsOperationContext.Current;
        var cause = args.Outcome.Result is { } response ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name ?? "-";
        LogRetrying(
            logger,
            options.Vendor,
            options.HotelId,
            operation ?? "-",
            request?.Method.Method ?? "-",
            PmsRedaction.ScrubPath(request?.RequestUri),
            args.AttemptNumber + 1,
            cause,
            (long)args.RetryDelay.TotalMilliseconds);
    }

    [LoggerMessage(
        EventId = 1104,
        Level = LogLevel.Information,
        Message = "PMS call retried: {Vendor} hotel {HotelId} {Operation} {HttpMethod} {UrlPath} retry {Retry} after {Cause}, waiting {DelayMs} ms.")]
    private static partial void LogRetrying(ILogger logger, string vendor, string hotelId, string operation, string httpMethod, string urlPath, int retry, string cause, long delayMs);

    private static async ValueTask<RateLimitLease> AcquireAsync(
        RateLimiter? limiter,
        PmsAccountBackoff backoff,
        PmsHttpClientOptions options,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        // A pause is extended by every further 429, so wait until none is left.
        for (var pause = backoff.Remaining; pause > TimeSpan.Zero; pause = backoff.Remaining)
        {
            if (pause > options.MaxRetryAfter)
            {
                // Longer than the pipeline waits for a vendor's Retry-After: refuse now, with the wait, as a 429 would.
                return new PausedLease(pause);
            }

            await Task.Delay(pause, timeProvider, cancellationToken).ConfigureAwait(false);
        }

        if (limiter is null)
        {
            return PausedLease.Acquired;
        }

        var lease = limiter.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        var maxWait = options.RateLimit?.MaxQueueWait ?? TimeSpan.FromSeconds(20);
        using var wait = new CancellationTokenSource(maxWait, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, wait.Token);
        try
        {
            return await limiter.AcquireAsync(1, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (wait.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Waited as long as allowed: refuse (Polly turns it into RateLimiterRejectedException, the pipeline into
            // PmsRateLimitedException) rather than let the call time out as if the vendor were slow.
            return limiter is PmsAccountRateLimiter local ? local.Reject() : new PausedLease(RetryAfterOf(lease) ?? options.RateLimit!.Period / options.RateLimit.PermitsPerPeriod);
        }
    }

    private static TimeSpan? RetryAfterOf(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;

    /// <summary>The lease of an account that is not limited (acquired), or that is paused for longer than the pipeline waits (refused, with the pause as <c>RetryAfter</c>).</summary>
    private sealed class PausedLease(TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly PausedLease Acquired = new(null);

        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name ? wait : null;
            return metadata is not null;
        }
    }
}
