namespace HotelPlatform.Connectors.Authentication;

/// <summary>
/// The settings every <see cref="PmsTokenCredential"/> shares: whose token it is (for messages) and when it is renewed.
/// </summary>
public abstract class PmsTokenCredentialOptions
{
    /// <summary>Gets or sets the vendor name (<see cref="PmsVendors"/>) put on log lines and exceptions; required.</summary>
    public string Vendor { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets how long before its expiry a token is replaced; at most a tenth of the token's lifetime is used,
    /// so that short-lived tokens are not renewed on every call. Default 60 seconds.
    /// </summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets how long one token request may take. Default 30 seconds.</summary>
    public TimeSpan TokenRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Returns the problems of these settings, each naming the setting; empty when valid.</summary>
    /// <returns>The problems.</returns>
    public virtual IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Vendor))
        {
            problems.Add($"{nameof(Vendor)} is required");
        }

        if (RefreshBeforeExpiry < TimeSpan.Zero)
        {
            problems.Add($"{nameof(RefreshBeforeExpiry)} must not be negative");
        }

        if (TokenRequestTimeout <= TimeSpan.Zero)
        {
            problems.Add($"{nameof(TokenRequestTimeout)} must be positive");
        }

        return problems;
    }

    /// <summary>Throws when <see cref="Validate"/> reports a problem.</summary>
    /// <exception cref="ArgumentException">The settings are invalid; the message names every faulty setting.</exception>
    internal void ThrowIfInvalid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"{GetType().Name}: {string.Join("; ", problems)}.", "options");
        }
    }
}

/// <summary>
/// A credential that obtains an access token and keeps it (the model is Azure's <c>TokenCredential</c>). This base holds
/// what every token credential shares; a subclass only says how one token is requested
/// (<see cref="RequestTokenAsync"/>):
/// <list type="bullet">
/// <item>the token is cached and renewed before it expires, by <see cref="PmsTokenCredentialOptions.RefreshBeforeExpiry"/>
/// but by at most a tenth of its lifetime, on the injected <see cref="System.TimeProvider"/>;</item>
/// <item>single flight: however many callers need a new token at once, one request is in flight and they all wait for
/// its result. The request runs on its own timeout (<see cref="PmsTokenCredentialOptions.TokenRequestTimeout"/>), not
/// on the first caller's cancellation token, so a caller that gives up does not fail the others;</item>
/// <item>a token the vendor refused (HTTP 401) is dropped by <see cref="Invalidate"/>, and only that token: a newer one
/// another caller already obtained is kept.</item>
/// </list>
/// One instance serves every hotel of a vendor account; get it from <see cref="PmsCredentialRegistry"/> so that it is.
/// </summary>
public abstract class PmsTokenCredential
{
    /// <summary>The lifetime to assume when the issuer does not say (<c>expires_in</c> absent): short, so an unknown lifetime cannot keep a revoked token in use for long.</summary>
    public static readonly TimeSpan UnknownLifetime = TimeSpan.FromSeconds(60);

    private readonly Lock _gate = new();
    private readonly PmsTokenCredentialOptions _options;
    private CachedToken? _token;
    private Task<CachedToken>? _refresh;

    /// <summary>Initializes a new instance of the <see cref="PmsTokenCredential"/> class.</summary>
    /// <param name="options">The settings; validated here.</param>
    /// <param name="timeProvider">The clock expiry and the request timeout run on; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid; the message names the setting.</exception>
    protected PmsTokenCredential(PmsTokenCredentialOptions options, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        _options = options;
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Gets the vendor name, for messages.</summary>
    public string Vendor => _options.Vendor;

    /// <summary>Gets the clock.</summary>
    protected TimeProvider TimeProvider { get; }

    /// <summary>Gets a valid access token: the cached one, or a new one when it is missing or due for renewal.</summary>
    /// <param name="cancellationToken">Stops this caller's wait; the token request itself goes on for the other callers.</param>
    /// <returns>The token.</returns>
    /// <exception cref="PmsAuthenticationException">The issuer refused the credentials.</exception>
    /// <exception cref="PmsUnavailableException">The issuer failed or did not answer in time (transient).</exception>
    public async ValueTask<PmsAccessToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        Task<CachedToken> refresh;
        TaskCompletionSource<CachedToken>? mine = null;
        lock (_gate)
        {
            if (_token is { } token && TimeProvider.GetUtcNow() < token.RefreshAt)
            {
                return token.Token;
            }

            if (_refresh is null)
            {
                mine = new TaskCompletionSource<CachedToken>(TaskCreationOptions.RunContinuationsAsynchronously);
                _refresh = mine.Task;
            }

            refresh = _refresh;
        }

        if (mine is not null)
        {
            // Started here, awaited by everyone (this caller included) through the shared task.
            _ = RefreshAsync(mine);
        }

        var result = await refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        return result.Token;
    }

    /// <summary>
    /// Drops <paramref name="rejected"/> because the vendor answered 401 to it, so that the next caller obtains a new
    /// token. A newer token (another caller already renewed) is kept.
    /// </summary>
    /// <param name="rejected">The token the vendor refused.</param>
    public void Invalidate(PmsAccessToken rejected)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        lock (_gate)
        {
            if (_token is not null && string.Equals(_token.Token.Value, rejected.Value, StringComparison.Ordinal))
            {
                _token = null;
            }
        }
    }

    /// <summary>Returns a description without any secret.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{GetType().Name} ({Vendor})";

    /// <summary>
    /// Requests one token from the issuer. Called by one caller at a time. Translate the issuer's answers: refused
    /// credentials to <see cref="PmsAuthenticationException"/>, the issuer's own trouble to
    /// <see cref="PmsUnavailableException"/>; never put a secret into a message.
    /// </summary>
    /// <param name="cancellationToken">Cancelled when <see cref="PmsTokenCredentialOptions.TokenRequestTimeout"/> has passed.</param>
    /// <returns>The token; its <see cref="PmsAccessToken.ExpiresAt"/> decides when it is renewed.</returns>
    protected abstract Task<PmsAccessToken> RequestTokenAsync(CancellationToken cancellationToken);

    /// <summary>Makes the exception for an issuer that did not answer in time or could not be reached.</summary>
    /// <param name="what">What happened, for example "the token endpoint did not answer".</param>
    /// <param name="inner">The cause.</param>
    /// <returns>The exception.</returns>
    protected PmsUnavailableException Unavailable(string what, Exception? inner) =>
        new($"{Vendor}: {what} while requesting an access token.", inner) { Vendor = Vendor };

    private async Task RefreshAsync(TaskCompletionSource<CachedToken> completion)
    {
        try
        {
            var token = await RequestWithTimeoutAsync().ConfigureAwait(false);
            lock (_gate)
            {
                _token = token;
                _refresh = null;
            }

            completion.SetResult(token);
        }
        catch (Exception ex)
        {
            lock (_gate)
            {
                _refresh = null;
            }

            completion.SetException(ex);

            // Observed here so that a failure nobody waits for any more (all callers cancelled) is not reported as unobserved.
            _ = completion.Task.Exception;
        }
    }

    private async Task<CachedToken> RequestWithTimeoutAsync()
    {
        // Not a caller's token: see the class remarks. The timeout runs on the injected clock.
        using var timeout = new CancellationTokenSource(_options.TokenRequestTimeout, TimeProvider);
        var requestedAt = TimeProvider.GetUtcNow();
        PmsAccessToken token;
        try
        {
            token = await RequestTokenAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested)
        {
            throw Unavailable("the issuer did not answer in time", ex);
        }

        // Renew early by RefreshBeforeExpiry, but by at most a tenth of the lifetime: a 60-second token must not be
        // renewed on every call because the skew swallowed its whole life.
        var lifetime = token.ExpiresAt - requestedAt;
        var skew = lifetime <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Min(_options.RefreshBeforeExpiry.Ticks, lifetime.Ticks / 10));
        return new CachedToken(token, token.ExpiresAt - skew);
    }

    private sealed record CachedToken(PmsAccessToken Token, DateTimeOffset RefreshAt);
}
