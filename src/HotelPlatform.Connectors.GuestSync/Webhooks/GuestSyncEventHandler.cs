using HotelPlatform.Connectors.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Connectors.GuestSync;

/// <summary>
/// Syncs guests across the chain as the webhook inbox dispatches events: every guest of a reservation created or
/// changed at a hotel of the chain (the primary guest and the additional guests, each once), and the guest of a
/// <see cref="GuestUpdatedEvent"/> (its profile read from the hotel's PMS). Syncs of one guest key run one at a time in
/// this host (<see cref="GuestKeyLocks"/>); a sync that fails (a PMS down, another host saving the same record)
/// throws, so the dispatcher retries the event.
/// </summary>
/// <remarks>
/// A sync that writes golden values back to a PMS makes that PMS report the guest updated; the sync of that event finds
/// the golden record and the PMSs agreeing and writes nothing, so the echo ends after one read round.
/// </remarks>
internal sealed class GuestSyncEventHandler(IServiceProvider services, IOptions<GuestSyncWebhookOptions> options, GuestKeyLocks locks) : IPmsEventHandler
{
    public async ValueTask HandleAsync(PmsEventContext context, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || context.Event is not (ReservationCreatedEvent or ReservationModifiedEvent or GuestUpdatedEvent))
        {
            return;
        }

        // Resolved only when enabled: a host with the trigger switched off needs no chain configured.
        var sync = services.GetRequiredService<GuestSyncService>();
        if (sync.Hotels.FirstOrDefault(h => h.HotelId == context.HotelId) is not { } hotel)
        {
            return; // A hotel outside the chain.
        }

        var guests = context.Event is GuestUpdatedEvent updated
            ? await UpdatedGuestAsync(hotel, updated.GuestId, cancellationToken).ConfigureAwait(false)
            : context.Reservation is { } reservation ? [reservation.PrimaryGuest, .. reservation.AdditionalGuests] : [];

        // A guest with neither a valid e-mail nor a valid phone has nothing to key a sync on; two guests of one
        // reservation sharing a key (a couple with one address) are one sync.
        var requests = guests
            .Select(g => GuestNormalization.RequestFor(g, hotel.DefaultRegion))
            .OfType<GuestSyncRequest>()
            .DistinctBy(GuestNormalization.GuestKey, StringComparer.Ordinal);
        foreach (var request in requests)
        {
            using (await locks.EnterAsync(GuestNormalization.GuestKey(request), cancellationToken).ConfigureAwait(false))
            {
                await sync.SyncAsync(request, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The profile an update event names, read from the hotel's PMS; none when the PMS keeps no profiles or no longer has it.</summary>
    private static async Task<IReadOnlyList<GuestProfile>> UpdatedGuestAsync(GuestSyncHotel hotel, string guestId, CancellationToken cancellationToken)
    {
        if (!hotel.Connector.Capabilities.HasFlag(ConnectorCapabilities.GuestProfiles))
        {
            return [];
        }

        try
        {
            return [await hotel.Connector.GetGuestAsync(guestId, cancellationToken).ConfigureAwait(false)];
        }
        catch (PmsNotFoundException)
        {
            return []; // Merged away or erased at the PMS since the event: nothing left to sync from it.
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
