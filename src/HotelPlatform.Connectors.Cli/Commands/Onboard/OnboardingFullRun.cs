using System.Diagnostics;
using System.Globalization;
using HotelPlatform.Connectors.ContractTests;
using HotelPlatform.Connectors.ContractTests.Live;

namespace HotelPlatform.Connectors.Cli.Commands.Onboard;

/// <summary>
/// <c>hotelpms onboard --full</c>: the contract kit's booking areas on a test property, after the read-only smoke run —
/// sweep the kit's leftovers, quote a stay, book it, read it back, modify it, cancel it — and, whatever happened, cancel
/// everything the run created. Bookings carry the kit's markers (a <c>kit-</c> client reference and the kit's made-up
/// guest), are recorded in the live-sandbox kit's <see cref="LiveSandboxLedger"/> and swept with its sweeper, so a
/// leftover of a crashed onboarding is found and cancelled by the next onboarding or live kit run, and by nothing else.
/// </summary>
internal static class OnboardingFullRun
{
    /// <summary>How far ahead the stay is looked for: far enough from today's operations, inside every vendor's booking horizon.</summary>
    public const int FirstNightOffset = 30;

    /// <summary>How many arrival nights are tried for a stay that can be sold (and swept for leftovers): few, as each costs quota.</summary>
    public const int NightsTried = 7;

    /// <summary>Runs the booking areas; every reservation created is cancelled before it returns.</summary>
    public static async Task<(IReadOnlyList<OnboardingCheck> Checks, LiveSandboxLedger Ledger)> RunAsync(IPmsConnector connector, DateOnly today, CancellationToken cancellationToken)
    {
        var ledger = new LiveSandboxLedger();
        var checks = new List<OnboardingCheck>();
        var first = today.AddDays(FirstNightOffset);
        if (!connector.Supports(ConnectorCapabilities.CreateReservation | ConnectorCapabilities.CancelReservation))
        {
            checks.Add(new("Full run: booking areas", CheckOutcome.Skipped, $"{connector.Vendor} does not create and cancel reservations through this interface", TimeSpan.Zero));
            return (checks, ledger);
        }

        try
        {
            checks.Add(await OnboardingProbe.CheckAsync("Full run: kit leftovers swept", async t =>
            {
                var leftovers = await LiveSandboxSweeper.FindAsync(connector, first, NightsTried, t).ConfigureAwait(false);
                var stuck = await LiveSandboxSweeper.CancelAsync(connector, leftovers, t).ConfigureAwait(false);
                return stuck.Count == 0
                    ? Invariant($"{leftovers.Count} leftover kit booking(s) cancelled")
                    : throw new InvalidOperationException($"leftover kit bookings could not be cancelled: {string.Join(", ", stuck)}");
            }, cancellationToken).ConfigureAwait(false));

            RateQuote? quote = null;
            var arrival = first;
            var quoted = await OnboardingProbe.CheckAsync("Full run: quote a stay", async t =>
            {
                for (var night = first; night < first.AddDays(NightsTried) && quote is null; night = night.AddDays(1))
                {
                    var quotes = await connector.QuoteAsync(new QuoteRequest(night, night.AddDays(1), 1), t).ConfigureAwait(false);
                    quote = quotes.FirstOrDefault(q => q.Available is null or > 0);
                    arrival = night;
                }

                return quote is null
                    ? throw new InvalidOperationException(Invariant($"no room type and rate plan could be sold for one night between {first:yyyy-MM-dd} and {first.AddDays(NightsTried - 1):yyyy-MM-dd}"))
                    : Invariant($"{quote.RoomTypeId} on {quote.RatePlanId}, {arrival:yyyy-MM-dd}, {quote.Total.Amount} {quote.Total.Currency}");
            }, cancellationToken).ConfigureAwait(false);
            checks.Add(quoted);
            if (quote is not { } stay)
            {
                return (checks, ledger);
            }

            Reservation? booked = null;
            var reference = ContractKit.ClientReferencePrefix + Guid.NewGuid().ToString("N");
            checks.Add(await OnboardingProbe.CheckAsync("Full run: book", async t =>
            {
                var draft = new ReservationDraft(arrival, arrival.AddDays(1), stay.RoomTypeId, stay.RatePlanId, KitGuest()) { ClientReference = reference, QuotedTotal = stay.Total };
                ledger.MaybeCreated(reference);
                booked = await connector.CreateReservationAsync(draft, t).ConfigureAwait(false);
                ledger.Created(booked, reference);
                return $"reservation {booked.VendorId} ({booked.Status}), client reference {reference}";
            }, cancellationToken).ConfigureAwait(false));
            if (booked is not { } reservation)
            {
                return (checks, ledger);
            }

            var id = reservation.VendorId;
            checks.Add(await OnboardingProbe.CheckAsync("Full run: read back", async t =>
            {
                var read = await connector.GetReservationAsync(id, t).ConfigureAwait(false);
                return read.Arrival == arrival && (read.RoomTypeId is null || read.RoomTypeId == stay.RoomTypeId)
                    ? Invariant($"{read.VendorId}: {read.Arrival:yyyy-MM-dd} to {read.Departure:yyyy-MM-dd}, {read.RoomTypeId}")
                    : throw new InvalidOperationException(Invariant($"read back {read.Arrival:yyyy-MM-dd} {read.RoomTypeId}, booked {arrival:yyyy-MM-dd} {stay.RoomTypeId}"));
            }, cancellationToken).ConfigureAwait(false));
            checks.Add(await OnboardingProbe.CheckAsync("Full run: modify", async t =>
            {
                if (!connector.Supports(ConnectorCapabilities.ModifyReservation))
                {
                    throw new PmsNotSupportedException($"{connector.Vendor} does not modify reservations through this interface");
                }

                var modified = await connector.ModifyReservationAsync(id, new ReservationChanges { Comment = "hotelpms onboard --full" }, t).ConfigureAwait(false);
                return $"comment changed on {modified.VendorId}";
            }, cancellationToken).ConfigureAwait(false));
            checks.Add(await OnboardingProbe.CheckAsync("Full run: cancel", async t =>
            {
                var cancelled = await connector.CancelReservationAsync(id, "hotelpms onboard --full", t).ConfigureAwait(false);
                ledger.Cancelled(id);
                return cancelled.Status == ReservationStatus.Cancelled
                    ? $"{id} cancelled"
                    : throw new InvalidOperationException($"{id} is {cancelled.Status} after the cancellation");
            }, cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            // Whatever failed above, nothing the run booked stays: the same pass the live kit makes when a fixture ends.
            var watch = Stopwatch.StartNew();
            var created = ledger.NotCancelled;
            var stuck = created.Count == 0 ? [] : await LiveSandboxSweeper.CancelAsync(connector, created, CancellationToken.None).ConfigureAwait(false);
            foreach (var cancelled in created.Except(stuck))
            {
                ledger.Cancelled(cancelled);
            }

            checks.Add(stuck.Count == 0 && ledger.UnknownOutcomes.Count == 0
                ? new("Full run: nothing left behind", CheckOutcome.Passed, Invariant($"{ledger.CreatedCount} created, all cancelled"), watch.Elapsed)
                : new("Full run: nothing left behind", CheckOutcome.Failed, $"still live: {string.Join(", ", [.. stuck, .. ledger.UnknownOutcomes])}; cancel by hand", watch.Elapsed));
        }

        return (checks, ledger);
    }

    // The kit's made-up guest (letters only: some vendors refuse digits in names), which the kit's sweeper recognises.
    private static GuestProfile KitGuest()
    {
        var letters = string.Create(8, Random.Shared, static (chars, random) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)('a' + random.Next(26));
            }
        });
        return new GuestProfile(ContractKit.GuestLastNamePrefix + letters) { FirstName = ContractKit.GuestFirstName, Email = $"contract.kit.{letters}@example.com" };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
