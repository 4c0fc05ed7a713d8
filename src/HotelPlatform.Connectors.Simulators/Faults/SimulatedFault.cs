using System.Globalization;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>The kinds of failure a simulator can inject into a request.</summary>
public enum FaultKind
{
    /// <summary>The request is held for <see cref="SimulatedFault.Delay"/> (on the simulator's clock), then served normally.</summary>
    Latency,

    /// <summary>The request is refused with HTTP 429 and <c>Retry-After</c>; the vendor handler does not run.</summary>
    TooManyRequests,

    /// <summary>The request is refused with a 5xx status; the vendor handler does not run.</summary>
    ServerError,

    /// <summary>The connection is aborted without an answer; the vendor handler does not run.</summary>
    DropConnection,

    /// <summary>The vendor handler runs (and commits any write); the client receives a 2xx status whose body is cut short and does not parse.</summary>
    MalformedBody,

    /// <summary>The vendor handler runs and commits its write; the response is then discarded and the connection aborted, or held until the client gives up.</summary>
    CommitThenTimeout,
}

/// <summary>A failure to inject: what happens to a request that a <see cref="FaultRule"/> matches. Create one with the static factory methods.</summary>
public sealed record SimulatedFault
{
    private SimulatedFault(FaultKind kind)
    {
        Kind = kind;
    }

    /// <summary>Gets the kind of failure.</summary>
    public FaultKind Kind { get; }

    /// <summary>Gets the delay of a <see cref="FaultKind.Latency"/> fault.</summary>
    public TimeSpan Delay { get; private init; }

    /// <summary>Gets the <c>Retry-After</c> of a <see cref="FaultKind.TooManyRequests"/> fault.</summary>
    public TimeSpan RetryAfter { get; private init; }

    /// <summary>Gets the status code of a <see cref="FaultKind.ServerError"/> fault (500-599).</summary>
    public int StatusCode { get; private init; }

    /// <summary>Gets a value indicating whether a <see cref="FaultKind.CommitThenTimeout"/> fault holds the connection open until the client gives up, instead of aborting it at once.</summary>
    public bool Hang { get; private init; }

    /// <summary>Holds the request for <paramref name="delay"/> on the simulator's clock, then serves it.</summary>
    /// <param name="delay">The delay; not negative.</param>
    /// <returns>The fault.</returns>
    public static SimulatedFault Latency(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new(FaultKind.Latency) { Delay = delay };
    }

    /// <summary>Refuses the request with HTTP 429 and a <c>Retry-After</c> header (whole seconds, rounded up).</summary>
    /// <param name="retryAfter">How long the client is told to wait; not negative.</param>
    /// <returns>The fault.</returns>
    public static SimulatedFault TooManyRequests(TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        return new(FaultKind.TooManyRequests) { RetryAfter = retryAfter };
    }

    /// <summary>Refuses the request with a server error.</summary>
    /// <param name="statusCode">The status code, 500-599; 500 when omitted.</param>
    /// <returns>The fault.</returns>
    public static SimulatedFault ServerError(int statusCode = 500)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 500);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return new(FaultKind.ServerError) { StatusCode = statusCode };
    }

    /// <summary>Aborts the connection without answering.</summary>
    /// <returns>The fault.</returns>
    public static SimulatedFault DropConnection() => new(FaultKind.DropConnection);

    /// <summary>Serves the request but sends a body that is cut short and does not parse as JSON, with a 2xx status.</summary>
    /// <returns>The fault.</returns>
    public static SimulatedFault MalformedBody() => new(FaultKind.MalformedBody);

    /// <summary>Lets the vendor handler commit the write, then loses the response: the connection is aborted, or held open until the client times out.</summary>
    /// <param name="hang"><see langword="true"/> to hold the connection until the client gives up (its own timeout or cancellation) or the simulator stops; <see langword="false"/> to abort it at once.</param>
    /// <returns>The fault.</returns>
    public static SimulatedFault CommitThenTimeout(bool hang = false) => new(FaultKind.CommitThenTimeout) { Hang = hang };

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        FaultKind.Latency => $"Latency({Delay})",
        FaultKind.TooManyRequests => $"TooManyRequests(Retry-After {RetryAfter})",
        FaultKind.ServerError => $"ServerError({StatusCode.ToString(CultureInfo.InvariantCulture)})",
        FaultKind.CommitThenTimeout => Hang ? "CommitThenTimeout(hang)" : "CommitThenTimeout(abort)",
        _ => Kind.ToString(),
    };
}
