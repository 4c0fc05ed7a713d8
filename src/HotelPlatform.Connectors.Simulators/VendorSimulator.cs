using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>
/// The base of every vendor simulator: an in-process Kestrel server on 127.0.0.1 speaking one vendor's wire format,
/// with a journal of what it received, fault injection, rate limits and strict request validation.
/// </summary>
/// <remarks>
/// <para>
/// A vendor simulator is a subclass that owns its state (seeded from <see cref="Random"/>), maps its routes in
/// <see cref="MapRoutes"/> with minimal APIs, reads requests through <see cref="Validation"/>, and composes the helpers
/// it needs: <see cref="OAuthTokenEndpoint"/>, <see cref="IdempotencyStore"/>, <see cref="WebhookSender"/>. It chooses
/// its rate-limit partitions in <see cref="GetRateLimitPolicies"/> and may override how refusals look on its wire.
/// </para>
/// <para>
/// Every request to a vendor route passes, in order: the journal (<see cref="Requests"/>), the rate limiter, the fault
/// queue (<see cref="Faults"/>), then the vendor handler. A request to a path no route matches is refused with 404 and
/// recorded in <see cref="ValidationFailures"/>, because a connector calling an undocumented endpoint is a bug.
/// Everything time-dependent reads <see cref="TimeProvider"/>.
/// </para>
/// <para>The lifecycle is one-shot: <see cref="StartAsync"/> once, then <see cref="StopAsync"/> or <see cref="DisposeAsync"/>.</para>
/// </remarks>
public abstract class VendorSimulator : IAsyncDisposable
{
    private readonly Lock _lifecycle = new();
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private Uri? _baseAddress;
    private LifecycleState _state;
    private long _sequence;
    private int _disposed;

    /// <summary>Initializes a new instance of the <see cref="VendorSimulator"/> class.</summary>
    /// <param name="options">The settings; defaults when omitted.</param>
    protected VendorSimulator(SimulatorOptions? options = null)
    {
        Options = options ?? new SimulatorOptions();
        Options.Validate();
        TimeProvider = Options.TimeProvider;
        Random = new DeterministicRandom(Options.Seed);
        Requests = new SimulatorLog<RecordedRequest>(Options.JournalCapacity);
        ValidationFailures = new SimulatorLog<ValidationFailure>(Options.JournalCapacity);
        Faults = new FaultInjector();
        RateLimiter = new SimulatorRateLimiter(TimeProvider);
        Validation = new StrictRequestValidator(this);
    }

    private enum LifecycleState
    {
        Created,
        Starting,
        Running,
        Stopped,
    }

    /// <summary>Gets the vendor this simulator speaks for, one of <see cref="PmsVendors"/> for the built-in ones.</summary>
    public abstract string Vendor { get; }

    /// <summary>Gets the settings.</summary>
    public SimulatorOptions Options { get; }

    /// <summary>Gets the clock everything time-dependent reads.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Gets the seeded random source; fork it per purpose (<see cref="DeterministicRandom.Fork"/>).</summary>
    public DeterministicRandom Random { get; }

    /// <summary>Gets the address the simulator listens on (<c>http://127.0.0.1:port/</c>), once started.</summary>
    /// <exception cref="InvalidOperationException">The simulator has not been started.</exception>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException($"The {GetType().Name} has not been started; call StartAsync first.");

    /// <summary>Gets a value indicating whether the server is accepting requests.</summary>
    public bool IsRunning
    {
        get
        {
            lock (_lifecycle)
            {
                return _state == LifecycleState.Running;
            }
        }
    }

    /// <summary>Gets the journal of requests received on vendor routes, oldest first.</summary>
    public SimulatorLog<RecordedRequest> Requests { get; }

    /// <summary>Gets every request refused by strict validation; a test of a correct connector asserts it is empty.</summary>
    public SimulatorLog<ValidationFailure> ValidationFailures { get; }

    /// <summary>Gets the fault queue.</summary>
    public FaultInjector Faults { get; }

    /// <summary>Gets the rate limiter that enforces <see cref="GetRateLimitPolicies"/>.</summary>
    public SimulatorRateLimiter RateLimiter { get; }

    /// <summary>Gets the strict request validation that vendor handlers read requests through.</summary>
    public StrictRequestValidator Validation { get; }

    /// <summary>Gets a token that is cancelled when the simulator starts stopping; a handler that waits (on the clock, on a signal) should observe it.</summary>
    protected internal CancellationToken StoppingToken => _stopping.Token;

    /// <summary>Starts the server on 127.0.0.1 (port <see cref="SimulatorOptions.Port"/>, by default a free one).</summary>
    /// <param name="cancellationToken">A token that cancels the start.</param>
    /// <returns>A task that completes when the server is listening and <see cref="BaseAddress"/> is set.</returns>
    /// <exception cref="InvalidOperationException">The simulator was already started.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        lock (_lifecycle)
        {
            if (_state != LifecycleState.Created)
            {
                throw new InvalidOperationException($"The {GetType().Name} was already started; a simulator is started once.");
            }

            _state = LifecycleState.Starting;
        }

        WebApplication? app = null;
        try
        {
            // The empty builder reads no appsettings or ASPNETCORE_* variables: nothing on the machine can move the
            // simulator off loopback or change its behaviour.
            WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
            {
                ApplicationName = GetType().Assembly.GetName().Name,
                ContentRootPath = AppContext.BaseDirectory,
            });
            builder.WebHost.UseKestrelCore();
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                kestrel.Listen(IPAddress.Loopback, Options.Port);
            });
            builder.Services.AddRoutingCore();
            builder.Services.AddSingleton(TimeProvider);
            builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
            builder.Logging.ClearProviders();
            Options.ConfigureLogging?.Invoke(builder.Logging);
            ConfigureServices(builder.Services);

            app = builder.Build();
            app.Use(next => new SimulatorMiddleware(this, next).InvokeAsync);
            if (Options.EnableControlRoutes)
            {
                ControlRoutes.Map(app, this);
            }

            MapRoutes(app);
            app.MapFallback(HandleUnknownRoute);

            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            lock (_lifecycle)
            {
                _app = app;
                _baseAddress = new Uri(address.TrimEnd('/') + "/");
                _state = LifecycleState.Running;
            }
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }

            lock (_lifecycle)
            {
                _state = LifecycleState.Stopped;
            }

            throw;
        }
    }

    /// <summary>Stops the server: waiting requests (latency, hang) are released and their connections closed.</summary>
    /// <param name="cancellationToken">A token that makes the stop ungraceful.</param>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        WebApplication? app;
        lock (_lifecycle)
        {
            app = _app;
            _app = null;
            _state = LifecycleState.Stopped;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (app is not null)
        {
            try
            {
                await app.StopAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Creates an <see cref="HttpClient"/> for <see cref="BaseAddress"/> that never uses a proxy or follows redirects.</summary>
    /// <returns>A new client; the caller disposes it.</returns>
    public HttpClient CreateClient()
    {
#pragma warning disable CA2000 // The client owns and disposes the handler.
        return new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }, disposeHandler: true) { BaseAddress = BaseAddress };
#pragma warning restore CA2000
    }

    /// <summary>
    /// Restores the simulator to its just-started state: clears the journal, validation failures, queued and applied
    /// faults and rate-limit counts, then calls <see cref="OnReset"/> so the vendor restores its seeded data.
    /// </summary>
    public void Reset()
    {
        Requests.Clear();
        ValidationFailures.Clear();
        Faults.Clear();
        Faults.Applied.Clear();
        RateLimiter.Reset();
        OnReset();
    }

    /// <summary>Stops the server and releases resources; a second call does nothing (an <c>await using</c> after an explicit dispose is common in tests).</summary>
    /// <returns>A task that completes when everything is released.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await DisposeAsyncCore().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Maps the vendor's routes (token endpoint, API operations) with minimal APIs.</summary>
    /// <param name="routes">The route builder.</param>
    protected abstract void MapRoutes(IEndpointRouteBuilder routes);

    /// <summary>Adds services the vendor's handlers resolve; the <see cref="TimeProvider"/> is already registered.</summary>
    /// <param name="services">The service collection.</param>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>
    /// Chooses the quotas a request counts against, such as the vendor's per-client limit. Called before the handler
    /// runs (routing has matched, so route values are available). None by default.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <returns>The policies; every one must admit the request.</returns>
    protected virtual IEnumerable<RateLimitPolicy> GetRateLimitPolicies(HttpContext context) => [];

    /// <summary>Writes the vendor's HTTP 429 answer (rate limit exceeded or an injected fault). By default: 429, <c>Retry-After</c> in whole seconds rounded up, and a short JSON message.</summary>
    /// <param name="context">The request.</param>
    /// <param name="retryAfter">How long the client must wait.</param>
    /// <returns>A task that completes when the answer is written.</returns>
    protected virtual Task WriteTooManyRequestsAsync(HttpContext context, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = FormatRetryAfter(retryAfter);
        return context.Response.WriteAsJsonAsync(new SimpleError("too_many_requests", "Rate limit exceeded; retry after the time in Retry-After."), ControlJson.Default.SimpleError);
    }

    /// <summary>Writes the vendor's answer to an injected server error. By default: the status and a short JSON message.</summary>
    /// <param name="context">The request.</param>
    /// <param name="statusCode">The 5xx status.</param>
    /// <returns>A task that completes when the answer is written.</returns>
    protected virtual Task WriteServerErrorAsync(HttpContext context, int statusCode)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(new SimpleError("server_error", "Simulated server error."), ControlJson.Default.SimpleError);
    }

    /// <summary>
    /// Answers a request whose <c>Content-Type</c> the endpoint's body reader does not accept, as the vendor does (for
    /// example an empty 415). The refusal is recorded in <see cref="ValidationFailures"/> either way, since a client
    /// sending the wrong media type has a bug. <see langword="null"/> by default: the strict-validation 400 naming the header.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="violations">What was wrong with the headers, including the content type.</param>
    /// <returns>The answer, or <see langword="null"/> for the strict-validation refusal.</returns>
    protected virtual IResult? AnswerUnsupportedMediaType(HttpContext context, IReadOnlyList<ValidationViolation> violations) => null;

    /// <summary>Restores the vendor's seeded state; called by <see cref="Reset"/>. Helpers the vendor owns (tokens, idempotency keys) are reset here too.</summary>
    protected virtual void OnReset()
    {
    }

    /// <summary>Stops the server and releases resources; a vendor that owns disposable helpers overrides this and calls the base.</summary>
    /// <returns>A task that completes when everything is released.</returns>
    protected virtual async ValueTask DisposeAsyncCore()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    /// <summary>Formats <c>Retry-After</c> as RFC 9110 delay-seconds, rounded up so a client that waits exactly that long is admitted.</summary>
    /// <param name="retryAfter">The wait.</param>
    /// <returns>The header value.</returns>
    protected static string FormatRetryAfter(TimeSpan retryAfter) =>
        ((long)Math.Ceiling(Math.Max(0, retryAfter.TotalSeconds))).ToString(CultureInfo.InvariantCulture);

    internal long NextSequence() => Interlocked.Increment(ref _sequence);

    internal IEnumerable<RateLimitPolicy> SelectRateLimitPolicies(HttpContext context) => GetRateLimitPolicies(context);

    internal Task WriteTooManyRequestsInternalAsync(HttpContext context, TimeSpan retryAfter) => WriteTooManyRequestsAsync(context, retryAfter);

    internal IResult? AnswerUnsupportedMediaTypeInternal(HttpContext context, IReadOnlyList<ValidationViolation> violations) => AnswerUnsupportedMediaType(context, violations);

    internal Task WriteServerErrorInternalAsync(HttpContext context, int statusCode) => WriteServerErrorAsync(context, statusCode);

    private IResult HandleUnknownRoute(HttpContext context)
    {
        if (ControlRoutes.IsControlPath(context.Request.Path))
        {
            return Results.NotFound();
        }

        string method = context.Request.Method;
        string path = context.Request.Path.Value ?? "/";
        Validation.Record(context, [new ValidationViolation("route", $"The {Vendor} simulator has no {method} {path} endpoint; the vendor does not document one, or the simulator does not implement it yet.")]);
        return Results.Json(new SimpleError("unknown_route", $"No {method} {path} in the {Vendor} simulator."), ControlJson.Default.SimpleError, statusCode: StatusCodes.Status404NotFound);
    }
}
