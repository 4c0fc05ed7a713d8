using System.Net;
using HotelPlatform.Connectors.ContractTests;

namespace HotelPlatform.Connectors.InMemory.Tests.Contract;

/// <summary>How a <see cref="FakeVendorTransport"/> departs from what DESIGN §6 asks of a connector.</summary>
internal enum TransportFlaw
{
    /// <summary>Recovers as a correct connector does.</summary>
    None,

    /// <summary>Surfaces a read's 429 or 5xx to the caller instead of retrying.</summary>
    NoReadRetry,

    /// <summary>Answers a faulted availability read with an empty grid, as a connector that swallows errors would.</summary>
    SwallowsReadFaults,

    /// <summary>Keeps using the expired token: the read fails with an authentication error.</summary>
    NoTokenRenewal,

    /// <summary>Repeats a write whose answer was lost, blindly (a create with a new idempotency key, as a generic retry that stamps one per attempt).</summary>
    RepeatsLostWrites,

    /// <summary>Lets a lost answer escape as a <see cref="TimeoutException"/> instead of a <see cref="PmsException"/>.</summary>
    UntypedErrors,

    /// <summary>Never meets the faults it is given: its requests go a way the fixture's mapping does not know.</summary>
    IgnoresFaults,
}

/// <summary>
/// A stand-in for a vendor connector's transport, wrapped around the in-memory connector, so that the kit's resilience
/// tests can be run, and shown to fail, without a simulator: an injected fault meets the first call of its operation
/// the way it would meet the vendor request (a 429 or 5xx applies nothing; a lost answer comes after the PMS applied the
/// write), and the wrapper then behaves as a correct connector does (a read retried, a token renewed, a lost create
/// resolved by its client reference, a lost extra reported with the outcome unknown) unless it was given a
/// <see cref="TransportFlaw"/>. Faults of operations it does not wrap are never applied.
/// </summary>
internal sealed class FakeVendorTransport(TransportFlaw flaw = TransportFlaw.None)
{
    private readonly Lock _gate = new();
    private readonly List<PendingFault> _pending = [];

    public IPmsConnector Wrap(IPmsConnector inner) => new TransportConnector(inner, this, flaw);

    public PmsContractInjectedFault Inject(PmsContractFault fault, string operation)
    {
        var pending = new PendingFault(fault, operation);
        lock (_gate)
        {
            _pending.Add(pending);
        }

        return new PmsContractInjectedFault(fault, operation, () => pending.Applied, () =>
        {
            lock (_gate)
            {
                _pending.Remove(pending);
            }

            return ValueTask.CompletedTask;
        });
    }

    /// <summary>Takes the fault waiting for the operation's next request, marking it applied.</summary>
    private PendingFault? Take(string operation)
    {
        if (flaw == TransportFlaw.IgnoresFaults)
        {
            return null;
        }

        lock (_gate)
        {
            var pending = _pending.Find(p => p.Operation == operation);
            if (pending is not null)
            {
                _pending.Remove(pending);
                pending.Applied = true;
            }

            return pending;
        }
    }

    private sealed class PendingFault(PmsContractFault fault, string operation)
    {
        private volatile bool _applied;

        public PmsContractFault Fault { get; } = fault;

        public string Operation { get; } = operation;

        public bool Applied
        {
            get => _applied;
            set => _applied = value;
        }
    }

    private sealed class TransportConnector(IPmsConnector inner, FakeVendorTransport transport, TransportFlaw flaw) : DelegatingPmsConnector(inner)
    {
        public override Task<AvailabilityGrid> GetAvailabilityAsync(AvailabilityRequest request, CancellationToken cancellationToken = default) =>
            ReadAsync(
                nameof(GetAvailabilityAsync),
                () => base.GetAvailabilityAsync(request, cancellationToken),
                () => new AvailabilityGrid(PropertyId, request.Arrival, request.Departure, []));

        public override Task<Reservation> GetReservationAsync(string reservationId, CancellationToken cancellationToken = default) =>
            ReadAsync(nameof(GetReservationAsync), () => base.GetReservationAsync(reservationId, cancellationToken), swallowed: null);

        public override async Task<Reservation> CreateReservationAsync(ReservationDraft draft, CancellationToken cancellationToken = default)
        {
            const string operation = nameof(CreateReservationAsync);
            switch (transport.Take(operation)?.Fault)
            {
                case null or PmsContractFault.CredentialsExpired:
                    return await base.CreateReservationAsync(draft, cancellationToken);
                case PmsContractFault.RateLimited:
                    throw RateLimited(operation);
                case PmsContractFault.ServerError:
                    throw Unavailable(operation, outcomeUnknown: false);
                default:
                    await base.CreateReservationAsync(draft, cancellationToken);
                    return flaw switch
                    {
                        TransportFlaw.RepeatsLostWrites => await base.CreateReservationAsync(draft with { ClientReference = Guid.NewGuid().ToString("N") }, cancellationToken),
                        TransportFlaw.UntypedErrors => throw new TimeoutException("The request timed out."),

                        // The exactly-once path: the same client reference finds the reservation the lost answer was about.
                        _ => await base.CreateReservationAsync(draft, cancellationToken),
                    };
            }
        }

        public override async Task<Reservation> AddServiceAsync(string reservationId, ServiceOrder order, CancellationToken cancellationToken = default)
        {
            const string operation = nameof(AddServiceAsync);
            switch (transport.Take(operation)?.Fault)
            {
                case null or PmsContractFault.CredentialsExpired:
                    return await base.AddServiceAsync(reservationId, order, cancellationToken);
                case PmsContractFault.RateLimited:
                    throw RateLimited(operation);
                case PmsContractFault.ServerError:
                    throw Unavailable(operation, outcomeUnknown: false);
                default:
                    await base.AddServiceAsync(reservationId, order, cancellationToken);
                    return flaw switch
                    {
                        TransportFlaw.RepeatsLostWrites => await base.AddServiceAsync(reservationId, order, cancellationToken),
                        TransportFlaw.UntypedErrors => throw new TimeoutException("The request timed out."),
                        _ => throw Unavailable(operation, outcomeUnknown: true),
                    };
            }
        }

        private async Task<T> ReadAsync<T>(string operation, Func<Task<T>> send, Func<T>? swallowed)
        {
            var fault = transport.Take(operation)?.Fault;
            if (fault is null)
            {
                return await send();
            }

            if (fault == PmsContractFault.CredentialsExpired)
            {
                return flaw == TransportFlaw.NoTokenRenewal
                    ? throw new PmsAuthenticationException("The access token was refused.") { Vendor = Vendor, Operation = operation, StatusCode = HttpStatusCode.Unauthorized }
                    : await send();
            }

            return flaw switch
            {
                TransportFlaw.NoReadRetry => throw (fault == PmsContractFault.RateLimited ? (PmsException)RateLimited(operation) : Unavailable(operation, outcomeUnknown: false)),
                TransportFlaw.SwallowsReadFaults when swallowed is not null => swallowed(),
                _ => await send(),
            };
        }

        private PmsRateLimitedException RateLimited(string operation) =>
            new("The vendor refused the request: too many requests.") { Vendor = Vendor, Operation = operation, StatusCode = HttpStatusCode.TooManyRequests, RetryAfter = TimeSpan.FromSeconds(1) };

        private PmsUnavailableException Unavailable(string operation, bool outcomeUnknown) =>
            new(outcomeUnknown ? "The vendor's answer was lost." : "The vendor failed.")
            {
                Vendor = Vendor,
                Operation = operation,
                StatusCode = outcomeUnknown ? null : HttpStatusCode.ServiceUnavailable,
                OutcomeUnknown = outcomeUnknown,
            };
    }
}
