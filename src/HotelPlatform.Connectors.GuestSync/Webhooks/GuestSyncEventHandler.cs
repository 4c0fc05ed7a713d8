using HotelPlatform.Connectors.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors.GuestSync;

/// <summary>
/// Syncs the primary guest of every reservation created or changed at a hotel of the chain, as the webhook inbox
/// dispatches the event. Syncs of one guest key run one at a time in this host (<see cref="GuestKeyLocks"/>); a sync
/// that fails (a PMS down, another host saving the same record) throws, so the dispatcher retries the event.
/// </summary>
internal sealed class GuestSyncEventHandler(IServiceProvider services, IOptions<GuestSyncWebhookOptions> options, GuestKeyLocks locks) : IPmsEventHandler
{
    public async ValueTask HandleAsync(PmsEventContext context, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || context.Event is not (ReservationCreatedEvent or ReservationModifiedEvent) || context.Reservation is not { } reservation)
        {
            return;
        }

        // Resolved only when enabled: a host with the trigger switched off needs no chain configured.
        var sync = services.GetRequiredService<GuestSyncService>();
        if (sync.Hotels.FirstOrDefault(h => h.HotelId == context.HotelId) is not { } hotel
            || GuestNormalization.RequestFor(reservation.PrimaryGuest, hotel.DefaultRegion) is not { } guest)
        {
            return; // A hotel outside the chain, or a guest with neither a valid e-mail nor a valid phone: nothing to key a sync on.
        }

        using (await locks.EnterAsync(GuestNormalization.GuestKey(guest), cancellationToken).ConfigureAwait(false))
        {
            await sync.SyncAsync(guest, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>
/// Serialises work per guest key within one host: a fixed set of semaphores, a key taking the one its hash picks. Two
/// guests may share one (and then wait for each other), never one guest two; nothing grows with the number of guests.
/// Hand-written: the maintained keyed-lock packages are not on the package mirror, and striping needs no eviction.
/// </summary>
internal sealed class GuestKeyLocks : IDisposable
{
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<IDisposable> EnterAsync(string key, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)_stripes.Length)];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(stripe);
    }

    public void Dispose()
    {
        foreach (var stripe in _stripes)
        {
            stripe.Dispose();
        }
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                stripe.Release();
            }
        }
    }
}
