using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>Settings of an <see cref="IdempotencyStore"/>.</summary>
public sealed class IdempotencyStoreOptions
{
    /// <summary>Gets or sets the request header carrying the key.</summary>
    public string HeaderName { get; set; } = "Idempotency-Key";

    /// <summary>Gets or sets how long a stored response is replayed, on the simulator's clock (24 hours by default, a common vendor retention).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Gets or sets how the vendor answers a key reused with a different request; by default a JSON message with the mismatch status.</summary>
    public Func<HttpContext, int, IResult>? MismatchResult { get; set; }
}

/// <summary>
/// <c>Idempotency-Key</c> semantics for simulator writes: the first request with a key runs the handler and its response
/// is stored; the same key with the same request (method, path, query, body) gets that response replayed for the
/// retention period; the same key with a different request is refused with the status the vendor documents. Thread-safe.
/// </summary>
/// <remarks>
/// <para>A concurrent duplicate waits for the first request to finish and then gets its response, so two retries racing
/// each other still write once. Responses with a 5xx status are not stored (the write did not happen), so a retry runs again.</para>
/// <para>
/// Keys are scoped (for example per client or account), so two clients can use the same key independently.
/// <code>
/// api.MapPost("/booking/v1/bookings", (HttpContext context) =>
///     Idempotency.ExecuteAsync(context, scope: context.GetBearerToken()!.ClientId, () => CreateBookingAsync(context)));
/// </code>
/// </para>
/// </remarks>
public sealed class IdempotencyStore
{
    private static readonly HashSet<string> UnstoredHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Length", "Date", "Server", "Transfer-Encoding", "Connection",
    };

    private readonly VendorSimulator _simulator;
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Scope, string Key), Entry> _entries = [];
    private int _replays;

    /// <summary>Initializes a new instance of the <see cref="IdempotencyStore"/> class.</summary>
    /// <param name="simulator">The simulator whose clock and validation log it uses.</param>
    /// <param name="mismatchStatusCode">The status for a key reused with a different request: 422 or 409, as the vendor documents.</param>
    /// <param name="options">The settings; defaults when omitted.</param>
    public IdempotencyStore(VendorSimulator simulator, int mismatchStatusCode, IdempotencyStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentOutOfRangeException.ThrowIfLessThan(mismatchStatusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(mismatchStatusCode, 499);
        _simulator = simulator;
        MismatchStatusCode = mismatchStatusCode;
        Options = options ?? new IdempotencyStoreOptions();
        ArgumentException.ThrowIfNullOrEmpty(Options.HeaderName, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Options.Retention, TimeSpan.Zero, nameof(options));
    }

    /// <summary>Gets the status for a key reused with a different request.</summary>
    public int MismatchStatusCode { get; }

    /// <summary>Gets the settings.</summary>
    public IdempotencyStoreOptions Options { get; }

    /// <summary>Gets how many responses were replayed instead of running the handler.</summary>
    public int Replays => Volatile.Read(ref _replays);

    /// <summary>Gets how many keys are stored (in flight or replayable, not yet expired).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                Purge(_simulator.TimeProvider.GetUtcNow());
                return _entries.Count;
            }
        }
    }

    /// <summary>Forgets every key.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _entries.Clear();
            _replays = 0;
        }
    }

    /// <summary>Runs a write once per idempotency key. Without the header the handler simply runs.</summary>
    /// <param name="context">The request.</param>
    /// <param name="scope">Who owns the key (client id, account); keys of different scopes never collide.</param>
    /// <param name="handler">The write; its result is executed into a buffer, stored, and returned.</param>
    /// <returns>The result to return from the route: the handler's, a replay, or the mismatch refusal.</returns>
    public async Task<IResult> ExecuteAsync(HttpContext context, string scope, Func<Task<IResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(handler);

        if (!context.Request.Headers.TryGetValue(Options.HeaderName, out StringValues values))
        {
            return await handler().ConfigureAwait(false);
        }

        string key = values.ToString();
        if (values.Count != 1 || string.IsNullOrWhiteSpace(key))
        {
            return _simulator.Validation.Reject(context, $"header:{Options.HeaderName}", values.Count > 1
                ? $"'{Options.HeaderName}' was sent {values.Count} times."
                : $"'{Options.HeaderName}' is empty; omit it or send a unique key.");
        }

        string fingerprint = await FingerprintAsync(context.Request).ConfigureAwait(false);
        Entry entry;
        bool owner = false;
        lock (_gate)
        {
            DateTimeOffset now = _simulator.TimeProvider.GetUtcNow();
            Purge(now);
            if (!_entries.TryGetValue((scope, key), out entry!))
            {
                entry = new Entry(fingerprint);
                _entries[(scope, key)] = entry;
                owner = true;
            }
        }

        if (!owner)
        {
            if (entry.Fingerprint != fingerprint)
            {
                return Options.MismatchResult?.Invoke(context, MismatchStatusCode)
                    ?? Results.Json(
                        new SimpleError("idempotency_key_reused", $"The {Options.HeaderName} '{key}' was already used with a different request."),
                        ControlJson.Default.SimpleError,
                        statusCode: MismatchStatusCode);
            }

            StoredResponse? stored = await entry.Completion.Task.WaitAsync(context.RequestAborted).ConfigureAwait(false);
            if (stored is not null)
            {
                Interlocked.Increment(ref _replays);
                return stored;
            }

            // The first attempt failed without storing anything; this request is the new first attempt.
            return await ExecuteAsync(context, scope, handler).ConfigureAwait(false);
        }

        try
        {
            StoredResponse response = await RunAndCaptureAsync(context, handler).ConfigureAwait(false);
            if (response.StatusCode >= 500)
            {
                Forget(scope, key, entry);
                entry.Completion.TrySetResult(null);
            }
            else
            {
                lock (_gate)
                {
                    entry.ExpiresAt = _simulator.TimeProvider.GetUtcNow() + Options.Retention;
                }

                entry.Completion.TrySetResult(response);
            }

            return response;
        }
        catch
        {
            Forget(scope, key, entry);
            entry.Completion.TrySetResult(null);
            throw;
        }
    }

    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        byte[] body = await StrictRequestValidator.ReadBodyAsync(request).ConfigureAwait(false);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}\n{request.QueryString}\n"));
        hash.AppendData(body);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static async Task<StoredResponse> RunAndCaptureAsync(HttpContext context, Func<Task<IResult>> handler)
    {
        IResult result = await handler().ConfigureAwait(false);
        Stream original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await result.ExecuteAsync(context).ConfigureAwait(false);
            await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        var headers = context.Response.Headers
            .Where(h => !UnstoredHeaders.Contains(h.Key))
            .Select(h => new KeyValuePair<string, StringValues>(h.Key, h.Value))
            .ToList();
        return new StoredResponse(context.Response.StatusCode, headers, buffer.ToArray());
    }

    private void Forget(string scope, string key, Entry entry)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue((scope, key), out Entry? current) && ReferenceEquals(current, entry))
            {
                _entries.Remove((scope, key));
            }
        }
    }

    private void Purge(DateTimeOffset now)
    {
        foreach (var expired in _entries.Where(e => e.Value.ExpiresAt <= now).Select(e => e.Key).ToList())
        {
            _entries.Remove(expired);
        }
    }

    private sealed class Entry(string fingerprint)
    {
        public string Fingerprint { get; } = fingerprint;

        /// <summary>Gets or sets when the stored response expires; in flight until the handler completes.</summary>
        public DateTimeOffset ExpiresAt { get; set; } = DateTimeOffset.MaxValue;

        public TaskCompletionSource<StoredResponse?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>A captured response: written again verbatim for the first request and for every replay.</summary>
    private sealed class StoredResponse(int statusCode, IReadOnlyList<KeyValuePair<string, StringValues>> headers, byte[] body) : IResult
    {
        public int StatusCode { get; } = statusCode;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            HttpResponse response = httpContext.Response;
            response.StatusCode = StatusCode;
            foreach (var (name, value) in headers)
            {
                response.Headers[name] = value;
            }

            response.ContentLength = body.Length;
            if (body.Length > 0)
            {
                await response.Body.WriteAsync(body, httpContext.RequestAborted).ConfigureAwait(false);
            }
        }
    }
}
