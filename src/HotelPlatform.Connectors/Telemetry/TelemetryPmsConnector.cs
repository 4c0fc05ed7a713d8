using System.Diagnostics;
using System.Runtime.CompilerServices;
using HotelPlatform.Connectors.Http;

namespace HotelPlatform.Connectors;

/// <summary>
/// The outermost layer of every registered hotel's connector: one <see cref="Activity"/> and one measurement per
/// operation (see <see cref="PmsTelemetry"/>), and the operation name on the asynchronous flow for the HTTP pipeline's
/// log lines. Tags are the vendor, the hotel key, the operation and the outcome; never arguments or results, which
/// carry guest data. The hotel key is on the activity always and on the measurements only when
/// <see cref="PmsTelemetryOptions.IncludeHotelInMetrics"/> is on (metric cardinality).
/// </summary>
internal sealed class TelemetryPmsConnector : DelegatingPmsConnector
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> ActivityNames = new(StringComparer.Ordinal);

    private readonly string _vendor;
    private readonly string _hotelId;
    private readonly PmsInstrumentation _instrumentation;
    private readonly TimeProvider _timeProvider;
    private readonly bool _hotelInMetrics;

    public TelemetryPmsConnector(IPmsConnector innerConnector, string vendor, string hotelId, PmsInstrumentation instrumentation, TimeProvider timeProvider, PmsTelemetryOptions? options = null)
        : base(innerConnector)
    {
        _vendor = vendor;
        _hotelId = hotelId;
        _instrumentation = instrumentation;
        _timeProvider = timeProvider;
        _hotelInMetrics = options?.IncludeHotelInMetrics ?? false;
    }

    public override async Task<PmsHealthReport> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        var call = Begin("CheckHealth");
        try
        {
            PmsHealthReport report;
            using (PmsOperationContext.Enter("CheckHealth"))
            {
                report = await InnerConnector.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
            }

            // The check reports failures instead of throwing: the outcome is the reported failure's.
            call.End(report.Exception is null ? PmsTelemetry.OutcomeSuccess : PmsTelemetry.Outcome(report.Exception), report.Exception);
            return report;
        }
        catch (Exception ex)
        {
            call.End(PmsTelemetry.Outcome(ex, cancellationToken), ex);
            throw;
        }
    }

    public override Task<PmsProperty> GetPropertyAsync(CancellationToken cancellationToken = default) =>
        RunAsync("GetProperty", static (inner, _, ct) => inner.GetPropertyAsync(ct), 0, cancellationToken);

    public override Task<IReadOnlyList<RoomType>> GetRoomTypesAsync(CancellationToken cancellationToken = default) =>
        RunAsync("GetRoomTypes", static (inner, _, ct) => inner.GetRoomTypesAsync(ct), 0, cancellationToken);

    public override Task<IReadOnlyList<RatePlan>> GetRatePlansAsync(CancellationToken cancellationToken = default) =>
        RunAsync("GetRatePlans", static (inner, _, ct) => inner.GetRatePlansAsync(ct), 0, cancellationToken);

    public override Task<AvailabilityGrid> GetAvailabilityAsync(AvailabilityRequest request, CancellationToken cancellationToken = default) =>
        RunAsync("GetAvailability", static (inner, r, ct) => inner.GetAvailabilityAsync(r, ct), request, cancellationToken);

    public override Task<IReadOnlyList<RateQuote>> QuoteAsync(QuoteRequest request, CancellationToken cancellationToken = default) =>
        RunAsync("Quote", static (inner, r, ct) => inner.QuoteAsync(r, ct), request, cancellationToken);

    public override Task<Reservation> CreateReservationAsync(ReservationDraft draft, CancellationToken cancellationToken = default) =>
        RunAsync("CreateReservation", static (inner, d, ct) => inner.CreateReservationAsync(d, ct), draft, cancellationToken);

    public override Task<Reservation> GetReservationAsync(string reservationId, CancellationToken cancellationToken = default) =>
        RunAsync("GetReservation", static (inner, id, ct) => inner.GetReservationAsync(id, ct), reservationId, cancellationToken);

    public override Task<Reservation?> FindReservationAsync(string confirmationNumber, CancellationToken cancellationToken = default) =>
        RunAsync("FindReservation", static (inner, number, ct) => inner.FindReservationAsync(number, ct), confirmationNumber, cancellationToken);

    public override Task<Reservation> ModifyReservationAsync(string reservationId, ReservationChanges changes, CancellationToken cancellationToken = default) =>
        RunAsync("ModifyReservation", static (inner, a, ct) => inner.ModifyReservationAsync(a.reservationId, a.changes, ct), (reservationId, changes), cancellationToken);

    public override Task<Reservation> CancelReservationAsync(string reservationId, string? reason = null, CancellationToken cancellationToken = default) =>
        RunAsync("CancelReservation", static (inner, a, ct) => inner.CancelReservationAsync(a.reservationId, a.reason, ct), (reservationId, reason), cancellationToken);

    public override Task<IReadOnlyList<GuestProfile>> SearchGuestsAsync(GuestSearch search, CancellationToken cancellationToken = default) =>
        RunAsync("SearchGuests", static (inner, s, ct) => inner.SearchGuestsAsync(s, ct), search, cancellationToken);

    public override Task<GuestProfile> GetGuestAsync(string guestId, CancellationToken cancellationToken = default) =>
        RunAsync("GetGuest", static (inner, id, ct) => inner.GetGuestAsync(id, ct), guestId, cancellationToken);

    public override Task<GuestProfile> UpsertGuestAsync(GuestProfile guest, CancellationToken cancellationToken = default) =>
        RunAsync("UpsertGuest", static (inner, g, ct) => inner.UpsertGuestAsync(g, ct), guest, cancellationToken);

    public override Task<IReadOnlyList<ServiceOffer>> GetServiceOffersAsync(ServiceOfferRequest request, CancellationToken cancellationToken = default) =>
        RunAsync("GetServiceOffers", static (inner, r, ct) => inner.GetServiceOffersAsync(r, ct), request, cancellationToken);

    public override Task<Reservation> AddServiceAsync(string reservationId, ServiceOrder order, CancellationToken cancellationToken = default) =>
        RunAsync("AddService", static (inner, a, ct) => inner.AddServiceAsync(a.reservationId, a.order, ct), (reservationId, order), cancellationToken);

    public override IAsyncEnumerable<Reservation> GetReservationsAsync(ReservationQuery query, CancellationToken cancellationToken = default)
    {
        const string operation = "GetReservations";

        // The inner connector validates its arguments when called, before enumeration; keep that (and record it).
        IAsyncEnumerable<Reservation> inner;
        try
        {
            using (PmsOperationContext.Enter(operation))
            {
                inner = InnerConnector.GetReservationsAsync(query, cancellationToken);
            }
        }
        catch (Exception ex)
        {
            Begin(operation).End(PmsTelemetry.Outcome(ex, cancellationToken), ex);
            throw;
        }

        return EnumerateAsync(inner, operation, static _ => 1, cancellationToken);
    }

    /// <summary>
    /// A sub-client that lists reservations page by page (<see cref="IPmsReservationPages"/>) is an operation too: it is
    /// traced and measured here like <see cref="GetReservationsAsync"/>, as <c>GetReservationPages</c>.
    /// </summary>
    /// <inheritdoc />
    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        var service = base.GetService(serviceType, serviceKey);
        return serviceType == typeof(IPmsReservationPages) && service is IPmsReservationPages pages
            ? new TracedReservationPages(this, pages)
            : service;
    }

    private async IAsyncEnumerable<T> EnumerateAsync<T>(IAsyncEnumerable<T> inner, string operation, Func<T, int> itemsOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The activity spans the whole enumeration, from the first page to the last (or to the consumer stopping).
        // An async iterator resumes on the consumer's execution context at every MoveNextAsync, so the activity and the
        // operation name are made current around each step rather than once.
        var call = Begin(operation, makeCurrent: false);
        var count = 0;
        var outcome = PmsTelemetry.OutcomeSuccess;
        Exception? failure = null;
        IAsyncEnumerator<T>? enumerator = null;
        try
        {
            while (true)
            {
                bool hasNext;
                var previous = Activity.Current;
                try
                {
                    if (call.Activity is not null)
                    {
                        Activity.Current = call.Activity;
                    }

                    // A listing reads: the intent the connector base gives it, so the base adds no scope of its own.
                    using (PmsOperationContext.Enter(operation, PmsOperationIntent.Read))
                    {
                        enumerator ??= inner.GetAsyncEnumerator(cancellationToken);
                        hasNext = await enumerator.MoveNextAsync().ConfigureAwait(false);
                    }
                }
                catch (Exception ex)
                {
                    outcome = PmsTelemetry.Outcome(ex, cancellationToken);
                    failure = ex;
                    throw;
                }
                finally
                {
                    Activity.Current = previous;
                }

                if (!hasNext)
                {
                    break;
                }

                count += itemsOf(enumerator.Current);
                yield return enumerator.Current;
            }
        }
        finally
        {
            if (enumerator is not null)
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
            }

            call.Activity?.SetTag("pms.items", count);
            call.End(outcome, failure);
        }
    }

    private async Task<TResult> RunAsync<TArgument, TResult>(
        string operation,
        Func<IPmsConnector, TArgument, CancellationToken, Task<TResult>> call,
        TArgument argument,
        CancellationToken cancellationToken)
    {
        var scope = Begin(operation);
        try
        {
            TResult result;
            // With the intent the connector base gives the operation, so that the base finds it set and adds no layer.
            using (PmsOperationContext.Enter(operation, PmsConnector.IntentOf(operation, InnerConnector.Capabilities)))
            {
                result = await call(InnerConnector, argument, cancellationToken).ConfigureAwait(false);
            }

            scope.End(PmsTelemetry.OutcomeSuccess, null);
            return result;
        }
        catch (Exception ex)
        {
            scope.End(PmsTelemetry.Outcome(ex, cancellationToken), ex);
            throw;
        }
    }

    /// <summary>"pms {operation}", made once per operation rather than per call.</summary>
    private static string ActivityName(string operation) =>
        ActivityNames.TryGetValue(operation, out var name) ? name : ActivityNames.GetOrAdd(operation, static op => "pms " + op);

    private Call Begin(string operation, bool makeCurrent = true)
    {
        var previous = Activity.Current;
        var activity = PmsInstrumentation.ActivitySource.StartActivity(ActivityName(operation), ActivityKind.Internal);
        if (activity is not null)
        {
            activity.SetTag(PmsTelemetry.VendorTag, _vendor);
            activity.SetTag(PmsTelemetry.HotelTag, _hotelId);
            activity.SetTag(PmsTelemetry.OperationTag, operation);
            if (!makeCurrent)
            {
                Activity.Current = previous;
            }
        }

        return new Call(this, operation, activity, _timeProvider.GetTimestamp());
    }

    private readonly struct Call(TelemetryPmsConnector owner, string operation, Activity? activity, long started)
    {
        public Activity? Activity => activity;

        public void End(string outcome, Exception? failure)
        {
            var elapsed = owner._timeProvider.GetElapsedTime(started);
            var tags = new TagList
            {
                { PmsTelemetry.VendorTag, owner._vendor },
                { PmsTelemetry.OperationTag, operation },
                { PmsTelemetry.OutcomeTag, outcome },
            };
            if (owner._hotelInMetrics)
            {
                tags.Add(PmsTelemetry.HotelTag, owner._hotelId);
            }

            if (failure is not null)
            {
                tags.Add(PmsTelemetry.ErrorTypeTag, failure.GetType().FullName);
            }

            owner._instrumentation.Duration.Record(elapsed.TotalSeconds, tags);
            owner._instrumentation.Count.Add(1, tags);
            if (activity is null)
            {
                return;
            }

            activity.SetTag(PmsTelemetry.OutcomeTag, outcome);
            if (failure is not null)
            {
                // The exception type, not its message: messages are scrubbed, but a status description is not the place to find out.
                activity.SetTag(PmsTelemetry.ErrorTypeTag, failure.GetType().FullName);
                activity.SetStatus(ActivityStatusCode.Error, failure.GetType().Name);
            }

            activity.Stop();
        }
    }

    /// <summary>The telemetry of a hotel's <see cref="IPmsReservationPages"/>.</summary>
    private sealed class TracedReservationPages(TelemetryPmsConnector owner, IPmsReservationPages inner) : IPmsReservationPages
    {
        public IAsyncEnumerable<PmsPage<Reservation>> GetReservationPagesAsync(ReservationQuery query, string? continuationToken = null, CancellationToken cancellationToken = default)
        {
            const string operation = "GetReservationPages";
            IAsyncEnumerable<PmsPage<Reservation>> pages;
            try
            {
                using (PmsOperationContext.Enter(operation, PmsOperationIntent.Read))
                {
                    pages = inner.GetReservationPagesAsync(query, continuationToken, cancellationToken);
                }
            }
            catch (Exception ex)
            {
                owner.Begin(operation).End(PmsTelemetry.Outcome(ex, cancellationToken), ex);
                throw;
            }

            return owner.EnumerateAsync(pages, operation, static page => page.Items.Count, cancellationToken);
        }
    }
}
