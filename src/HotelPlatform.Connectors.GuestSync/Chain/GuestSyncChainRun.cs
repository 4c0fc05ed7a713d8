using System.Security.Cryptography;
using System.Text;
using HotelPlatform.Connectors.Bulk;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Mirror;

namespace HotelPlatform.Connectors.GuestSync;

/// <summary>
/// Syncs every guest of the chain: collects the guests of the hotels' reservations (read from each PMS, or from the
/// reservation mirror at no vendor quota) and runs one <see cref="GuestSyncService.SyncAsync"/> per guest as a
/// <see cref="PmsBulkRunner"/> job: in the bulk traffic lane, cancellable, resumable from a checkpoint, with one result
/// per guest (a failed guest is a row of the report, not an exception that loses the rest).
/// </summary>
/// <example>
/// <code>
/// var run = new GuestSyncChainRun(sync);
/// var guests = await run.CollectFromPmsAsync(DateTimeOffset.UtcNow.AddDays(-90));
/// var report = await run.RunAsync(guests.Guests, new PmsBulkOptions { CheckpointPath = "guests.checkpoint" }, dryRun: false);
/// </code>
/// </example>
public sealed class GuestSyncChainRun
{
    /// <summary>
    /// The one account key every guest's sync is run under: a sync reads every hotel of the chain, so
    /// <see cref="PmsBulkOptions.MaxParallelismPerAccount"/> bounds the syncs in flight, and so the calls any one vendor
    /// account sees at a time.
    /// </summary>
    public const string ChainAccountKey = "guest-sync-chain";

    private readonly GuestSyncService _sync;

    /// <summary>Initializes a new instance of the <see cref="GuestSyncChainRun"/> class.</summary>
    /// <param name="sync">The chain's guest sync.</param>
    public GuestSyncChainRun(GuestSyncService sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        _sync = sync;
    }

    /// <summary>Collects the primary guests of every reservation created or changed since an instant, read from each hotel's PMS (bulk lane).</summary>
    /// <param name="changedSince">The start of the window.</param>
    /// <param name="cancellationToken">A token that cancels the reads.</param>
    /// <returns>The guests, one request each, and a <see cref="GuestSyncIssueKind.PmsReadFailed"/> issue per hotel that could not be read.</returns>
    public Task<GuestSyncChainGuests> CollectFromPmsAsync(DateTimeOffset changedSince, CancellationToken cancellationToken = default) =>
        CollectAsync((hotel, token) => hotel.Connector.GetReservationsAsync(ReservationQuery.ChangedSince(changedSince), token), cancellationToken);

    /// <summary>Collects the primary guests of the stays the reservation mirror holds over a window of nights: no vendor call.</summary>
    /// <param name="mirror">The mirror.</param>
    /// <param name="firstNight">The first night of the window.</param>
    /// <param name="lastNight">The last night of the window (inclusive).</param>
    /// <param name="cancellationToken">A token that cancels the reads.</param>
    /// <returns>The guests, one request each, and an issue per hotel the mirror could not be read for.</returns>
    public Task<GuestSyncChainGuests> CollectFromMirrorAsync(IPmsReservationMirror mirror, DateOnly firstNight, DateOnly lastNight, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mirror);
        if (lastNight < firstNight)
        {
            throw new ArgumentException("The window's last night is before its first.", nameof(lastNight));
        }

        return CollectAsync((hotel, token) => StaysAsync(mirror, hotel.HotelId, firstNight, lastNight, token), cancellationToken);
    }

    /// <summary>Syncs each guest as one item of a bulk job.</summary>
    /// <param name="guests">The guests (from a collect call, or any list of keys).</param>
    /// <param name="options">Parallelism (syncs in flight) and checkpoint.</param>
    /// <param name="dryRun">Whether to only report what would change; a dry run keeps no checkpoint (nothing it did needs skipping later).</param>
    /// <param name="progress">Receives progress after every guest; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the job; guests not synced are left for a resumed run.</param>
    /// <returns>One result per guest; its item id is a hash of the guest's key, so the checkpoint file holds no personal data.</returns>
    /// <exception cref="ArgumentException">A dry run was given a checkpoint.</exception>
    public Task<PmsBulkReport<GuestSyncReport>> RunAsync(IReadOnlyList<GuestSyncRequest> guests, PmsBulkOptions options, bool dryRun, IProgress<PmsBulkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(guests);
        ArgumentNullException.ThrowIfNull(options);
        if (dryRun && options.CheckpointPath is not null)
        {
            // A checkpointed dry run would mark guests done that a real run with the same file must still sync.
            throw new ArgumentException("A dry run writes nothing and keeps no checkpoint; leave CheckpointPath unset.", nameof(options));
        }

        return PmsBulkRunner.RunAsync(guests, ItemId, _ => ChainAccountKey, (guest, token) => SyncAsync(guest with { DryRun = dryRun }, token), options, progress, cancellationToken);
    }

    private async Task<GuestSyncReport> SyncAsync(GuestSyncRequest guest, CancellationToken cancellationToken)
    {
        GuestSyncReport report;
        try
        {
            report = await _sync.SyncAsync(guest, cancellationToken).ConfigureAwait(false);
        }
        catch (GoldenGuestConcurrencyException)
        {
            // Another item (the same guest under another key) or host saved the record meanwhile: once more, reading theirs.
            report = await _sync.SyncAsync(guest, cancellationToken).ConfigureAwait(false);
        }

        // A PMS that could not be read or written leaves the guest half synced: the item fails, so a resumed run redoes it.
        var missed = report.Issues.Where(i => i.Kind == GuestSyncIssueKind.PmsReadFailed).Select(i => $"{i.HotelId} (not read)")
            .Concat(report.Propagations.Where(p => p.Outcome == GuestPropagationOutcome.Failed).Select(p => $"{p.HotelId} (not written)"))
            .Distinct(StringComparer.Ordinal).ToList();
        return missed.Count == 0
            ? report
            : throw new GuestSyncIncompleteException($"Golden guest {report.GoldenGuestId ?? "(none)"} was synced without {string.Join(", ", missed)}; a resumed run syncs it again.");
    }

    private static string ItemId(GuestSyncRequest guest)
    {
        var key = $"{guest.Email?.Trim().ToLowerInvariant()}\u001f{guest.Phone?.Trim()}\u001f{guest.PhoneRegion}";
        return "guest-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 12));
    }

    private static async IAsyncEnumerable<Reservation> StaysAsync(IPmsReservationMirror mirror, string hotelId, DateOnly firstNight, DateOnly lastNight, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var stay in await mirror.GetStaysAsync(hotelId, firstNight, lastNight, includeCancelled: true, int.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            yield return stay.Reservation;
        }
    }

    private async Task<GuestSyncChainGuests> CollectAsync(Func<GuestSyncHotel, CancellationToken, IAsyncEnumerable<Reservation>> reservations, CancellationToken cancellationToken)
    {
        // One request per guest: by e-mail when the guest has one (a phone-only sighting of the same phone joins it), else
        // by phone; two items of one guest would only race each other for the same golden record.
        List<GuestSyncRequest> guests = [];
        HashSet<string> keys = new(StringComparer.Ordinal);
        HashSet<string> phonesOfEmailed = new(StringComparer.Ordinal);
        List<GuestSyncRequest> phoneOnly = [];
        List<GuestSyncIssue> issues = [];
        using var lane = PmsTrafficLanes.Begin(PmsTrafficLane.Bulk);
        foreach (var hotel in _sync.Hotels)
        {
            try
            {
                await foreach (var reservation in reservations(hotel, cancellationToken).ConfigureAwait(false))
                {
                    foreach (var profile in (IEnumerable<GuestProfile>)[reservation.PrimaryGuest, .. reservation.AdditionalGuests])
                    {
                        Collect(profile, hotel.DefaultRegion);
                    }
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                issues.Add(new GuestSyncIssue(GuestSyncIssueKind.PmsReadFailed, hotel.HotelId, null, null,
                    $"Reading the reservations of {hotel.HotelId} failed ({exception.GetType().Name}: {exception.Message}); its guests collected so far are kept."));
            }
        }

        guests.AddRange(phoneOnly.Where(g => !phonesOfEmailed.Contains(g.Phone!)));
        return new GuestSyncChainGuests(guests, issues);

        void Collect(GuestProfile profile, string region)
        {
            if (GuestNormalization.RequestFor(profile, region) is not { } guest || !keys.Add(GuestNormalization.GuestKey(guest)))
            {
                return;
            }

            if (guest.Email is null)
            {
                phoneOnly.Add(guest);
                return;
            }

            guests.Add(guest);
            if (guest.Phone is { } phone)
            {
                phonesOfEmailed.Add(phone);
            }
        }
    }
}

/// <summary>The guests of the chain collected for a <see cref="GuestSyncChainRun"/>.</summary>
/// <param name="Guests">One request per guest (normalised e-mail and/or E.164 phone).</param>
/// <param name="Issues">The hotels whose reservations could not be read (or read completely).</param>
public sealed record GuestSyncChainGuests(IReadOnlyList<GuestSyncRequest> Guests, IReadOnlyList<GuestSyncIssue> Issues);

/// <summary>A guest of a chain-wide run was synced without every PMS: the bulk item fails, so a resumed run syncs it again.</summary>
internal sealed class GuestSyncIncompleteException(string message) : Exception(message);
