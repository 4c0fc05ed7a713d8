namespace HotelPlatform.Connectors.Http;

/// <summary>
/// The account-wide pause after a vendor refused a call for its rate limit: every caller sharing the account waits it
/// out before its next request, not just the request that received the 429, so that a burst of concurrent calls does
/// not collect one 429 each. One per account key (<see cref="PmsHttpClientOptions.EffectiveAccountKey"/>), kept by
/// <see cref="PmsRateLimiterRegistry"/>; the pause only ever grows until it has passed.
/// </summary>
internal sealed class PmsAccountBackoff(TimeProvider timeProvider)
{
    private long _resumeAtUtcTicks;

    /// <summary>Gets how long callers still have to wait; zero when the account is not paused.</summary>
    public TimeSpan Remaining
    {
        get
        {
            var remaining = Volatile.Read(ref _resumeAtUtcTicks) - timeProvider.GetUtcNow().UtcTicks;
            return remaining > 0 ? TimeSpan.FromTicks(remaining) : TimeSpan.Zero;
        }
    }

    /// <summary>Pauses the account for <paramref name="wait"/> from now, unless it is already paused for longer.</summary>
    /// <param name="wait">How long the vendor asked to wait.</param>
    public void PauseFor(TimeSpan wait)
    {
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        var resumeAt = timeProvider.GetUtcNow().UtcTicks + wait.Ticks;
        var current = Volatile.Read(ref _resumeAtUtcTicks);
        while (resumeAt > current)
        {
            var seen = Interlocked.CompareExchange(ref _resumeAtUtcTicks, resumeAt, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
