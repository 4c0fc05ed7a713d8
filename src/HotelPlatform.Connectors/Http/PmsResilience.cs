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
/// for a permit is not mistaken for a slow vendor.
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
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options, timeProvider)),
                OnRetry = args =>
                {
                    LogRetry(logger, options, args);
                    return ValueTask.CompletedTask;
                },
            });
        }

        if (options.RateLimit is { } quota)
        {
            var limiter = services.GetRequiredService<PmsRateLimiterRegistry>().GetLimiter(options.EffectiveAccountKey, quota);
            builder.AddRateLimiter(new RateLimiterStrategyOptions
            {
                Name = "pms-rate-limiter",
                RateLimiter = args => AcquireAsync(limiter, quota.MaxQueueWait, timeProvider, args.Context.CancellationToken),
            });
        }

        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "pms-attempt-timeout", Timeout = options.AttemptTimeout });
    }

    /// <summary>
    /// Whether a failed attempt is tried again: only when the request cannot be applied twice (a read, a write with an
    /// idempotency key or flagged safe) and the failure is transient (5xx, 408, 429, a connection failure, an attempt
    /// timeout, a failed token request); never when the vendor asks for a longer wait than the pipeline is willing to
    /// spend — that answer goes back to the connector as a rate-limit error with its <c>Retry-After</c>.
    /// </summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, PmsHttpClientOptions options, TimeProvider timeProvider)
    {
        var request = outcome.Result?.RequestMessage ?? context.GetRequestMessage();
        if (request is null || !PmsHttpRequestOptions.IsSafeToRetry(request, options.IdempotencyKeyHeader))
        {
            return false;
        }

        if (outcome.Exception is PmsUnavailableException)
        {
            return true;
        }

        if (!HttpClientResiliencePredicates.IsTransient(outcome))
        {
            return false;
        }

        return outcome.Result is not { } response
               || PmsHttpErrors.GetRetryAfter(response.Headers, timeProvider) is not { } wait
               || wait <= options.MaxRetryAfter;
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

    private static async ValueTask<RateLimitLease> AcquireAsync(PmsAccountRateLimiter limiter, TimeSpan maxWait, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var lease = limiter.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
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
            return limiter.Reject();
        }
    }
}
