using Microsoft.Extensions.Logging;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>Settings shared by every vendor simulator: clock, seed, port, journal limits, redaction and rate-limit enforcement.</summary>
/// <remarks>The options are read when the simulator is constructed (clock, seed) or started (port, logging); change them before that.</remarks>
public sealed class SimulatorOptions
{
    /// <summary>The seed used when none is given; fixed so two runs of the same test see the same demo data and identifiers.</summary>
    public const int DefaultSeed = 20_240_601;

    /// <summary>Gets or sets the clock every time-dependent behaviour reads: token expiry, rate-limit windows, idempotency retention, injected latency, journal timestamps. Tests pass a <c>FakeTimeProvider</c> to compress time.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the seed of the simulator's <see cref="DeterministicRandom"/>: the same seed yields the same demo data, identifiers and tokens.</summary>
    public int Seed { get; set; } = DefaultSeed;

    /// <summary>Gets or sets the TCP port on 127.0.0.1; 0 (the default) lets the operating system choose a free one, read it from <see cref="VendorSimulator.BaseAddress"/>.</summary>
    public int Port { get; set; }

    /// <summary>Gets or sets a value indicating whether the vendor's rate limits are enforced. On by default; a demo host may turn it off.</summary>
    public bool EnforceRateLimits { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether the control routes under <c>/_simulator</c> are mapped (journal, faults, validation failures, reset).</summary>
    public bool EnableControlRoutes { get; set; } = true;

    /// <summary>Gets or sets how many requests the journal keeps; the oldest are dropped beyond it, so a long-running demo host does not grow without bound.</summary>
    public int JournalCapacity { get; set; } = 10_000;

    /// <summary>Gets or sets how many bytes of each request and response body the journal keeps; longer bodies are cut and flagged as truncated.</summary>
    public int MaxCapturedBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Gets the request headers whose values the journal replaces by <see cref="Redaction.Mask"/> (the authentication scheme, such as <c>Bearer</c>, is kept). Case-insensitive.</summary>
    public ISet<string> RedactedHeaders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key",
    };

    /// <summary>Gets the fields of form-encoded bodies whose values the journal masks (OAuth2 secrets by default). Case-insensitive.</summary>
    public ISet<string> RedactedFormFields { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "client_secret", "password", "refresh_token", "client_assertion", "code", "code_verifier",
    };

    /// <summary>Gets the JSON property names whose string values the journal masks wherever they occur in a JSON body (empty by default; a vendor that sends tokens in bodies adds them). Case-insensitive.</summary>
    public ISet<string> RedactedJsonProperties { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the local names of XML elements whose text the journal masks in XML bodies (the WS-Security <c>Password</c> of a SOAP header by default). Case-sensitive, as XML is.</summary>
    public ISet<string> RedactedXmlElements { get; } = new HashSet<string>(StringComparer.Ordinal) { "Password" };

    /// <summary>Gets or sets a callback that configures logging of the embedded host; by default the host logs nothing, so tests stay quiet.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentOutOfRangeException.ThrowIfNegative(Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65_535);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(JournalCapacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxCapturedBodyBytes);
    }
}
