using Polly;
using Polly.Retry;

namespace HotelPlatform.Connectors;

/// <summary>Settings of <see cref="PmsExactlyOnce.ExecuteAsync{TResult}"/>.</summary>
public sealed class PmsExactlyOnceOptions
{
    /// <summary>Gets or sets how many times the create may be sent in total (1 to 10). Default 3.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Gets or sets the base of the exponential, jittered wait before the next lookup-then-create. Default 1 second; a <c>RetryAfter</c> the vendor gave wins.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the clock the waits run on; <see cref="TimeProvider.System"/> when <see langword="null"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Gets or sets the vendor name, for the exception thrown when the outcome stays unknown.</summary>
    public string? Vendor { get; set; }

    /// <summary>Gets or sets the operation name, for the exception thrown when the outcome stays unknown. Default <c>CreateReservation</c>.</summary>
    public string Operation { get; set; } = "CreateReservation";
}

/// <summary>
/// Creates something exactly once at a vendor that has no idempotency key but stores a client reference it can be
/// searched by (Mews <c>ChannelNumber</c>, OPERA <c>externalReferences</c>, Cloudbeds <c>thirdPartyIdentifier</c>).
/// </summary>
/// <remarks>
/// <para>
/// The create is sent with the caller's client reference. When it fails transiently (<see cref="PmsException.IsTransient"/>)
/// it is tried again, up to <see cref="PmsExactlyOnceOptions.MaxAttempts"/> times — but once any attempt may have been
/// applied (<see cref="PmsUnavailableException.OutcomeUnknown"/>), every later attempt first looks the client reference
/// up and returns what it finds instead of creating again. A conflict on such a later attempt (the vendor refusing a
/// duplicate reference, or the first attempt having taken the last room) is resolved by one more lookup. Non-transient
/// failures are never retried.
/// </para>
/// <para>
/// When the helper gives up after an attempt may have been applied, it throws <see cref="PmsUnavailableException"/>
/// with <see cref="PmsUnavailableException.OutcomeUnknown"/> set and the last failure as inner exception, whatever that
/// failure was: the caller must then look the reference up later rather than book again. The lookup must see what the
/// create wrote; where the vendor's search is eventually consistent, the connector's lookup has to account for it.
/// </para>
/// <para>The retry is a Polly retry strategy on the given <see cref="TimeProvider"/>.</para>
/// </remarks>
public static class PmsExactlyOnce
{
    /// <summary>Creates exactly once; see the class remarks.</summary>
    /// <typeparam name="TResult">What the create returns (a reservation, a guest).</typeparam>
    /// <param name="clientReference">The caller's unique reference of this create, stored by the vendor.</param>
    /// <param name="create">Sends the create with the reference; throws <see cref="PmsException"/>s.</param>
    /// <param name="findByClientReference">Looks the reference up; <see langword="null"/> when the vendor has nothing under it.</param>
    /// <param name="options">The settings; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">A token that cancels the whole operation.</param>
    /// <returns>What was created, or found under the reference.</returns>
    /// <exception cref="PmsUnavailableException">With <see cref="PmsUnavailableException.OutcomeUnknown"/>: an attempt may have been applied and it could not be established.</exception>
    public static async Task<TResult> ExecuteAsync<TResult>(
        string clientReference,
        Func<string, CancellationToken, Task<TResult>> create,
        Func<string, CancellationToken, Task<TResult?>> findByClientReference,
        PmsExactlyOnceOptions? options = null,
        CancellationToken cancellationToken = default)
        where TResult : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientReference);
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(findByClientReference);
        options ??= new PmsExactlyOnceOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxAttempts, 10, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Delay, TimeSpan.Zero, nameof(options));

        var state = new AttemptState();
        var pipeline = BuildPipeline(options);
        try
        {
            return await pipeline.ExecuteAsync(
                async ct =>
                {
                    if (state.MayHaveBeenApplied)
                    {
                        var existing = await findByClientReference(clientReference, ct).ConfigureAwait(false);
                        if (existing is not null)
                        {
                            return existing;
                        }
                    }

                    try
                    {
                        return await create(clientReference, ct).ConfigureAwait(false);
                    }
                    catch (PmsUnavailableException ex) when (ex.OutcomeUnknown)
                    {
                        state.MayHaveBeenApplied = true;
                        throw;
                    }
                    catch (PmsConflictException) when (state.MayHaveBeenApplied)
                    {
                        var existing = await findByClientReference(clientReference, ct).ConfigureAwait(false);
                        if (existing is not null)
                        {
                            return existing;
                        }

                        throw;
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (state.MayHaveBeenApplied
                                   && ex is not PmsUnavailableException { OutcomeUnknown: true }
                                   && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // The last failure (a failed lookup, a conflict) does not settle whether an earlier attempt was applied.
            var last = ex as PmsException;
            throw new PmsUnavailableException(
                $"{options.Vendor ?? last?.Vendor ?? "PMS"} {options.Operation}: an attempt may have been applied and looking up the client reference did not settle it; look it up before creating again (outcome unknown).",
                ex)
            {
                Vendor = options.Vendor ?? last?.Vendor,
                Operation = options.Operation,
                OutcomeUnknown = true,
            };
        }
    }

    private static ResiliencePipeline BuildPipeline(PmsExactlyOnceOptions options)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider ?? TimeProvider.System };
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.Delay,
                ShouldHandle = new PredicateBuilder().Handle<PmsException>(ex => ex.IsTransient),
                DelayGenerator = static args => ValueTask.FromResult(args.Outcome.Exception is PmsRateLimitedException { RetryAfter: { } wait } ? wait : (TimeSpan?)null),
            });
        }

        return builder.Build();
    }

    private sealed class AttemptState
    {
        public bool MayHaveBeenApplied { get; set; }
    }
}
