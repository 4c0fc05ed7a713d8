namespace HotelPlatform.Connectors.Authentication;

/// <summary>
/// Applies an account's credentials to each request of a vendor client (the model is Azure's
/// <c>BearerTokenAuthenticationPolicy</c>): a header, a bearer token, tokens in the body. Set one on
/// <see cref="Http.PmsHttpClientOptions.Authenticator"/>; the pipeline calls <see cref="AuthenticateAsync"/> before every
/// attempt (retries included) and, when the vendor answers 401, <see cref="OnUnauthorizedAsync"/>: if that renews
/// something, the request is authenticated again and sent once more. A 401 means the vendor refused the call before
/// processing it, so the replay is safe even for a write; it happens once only, so bad credentials cannot loop.
/// </summary>
/// <remarks>Implementations are shared by every request of the client, concurrently; never log a secret, and make
/// <see cref="object.ToString"/> show none.</remarks>
public abstract class PmsRequestAuthenticator
{
    /// <summary>Puts the credentials on <paramref name="request"/>. Called again for a retry or a replay of the same request.</summary>
    /// <param name="request">The request about to be sent.</param>
    /// <param name="cancellationToken">The call's cancellation token.</param>
    /// <returns>A task that completes when the request carries the credentials.</returns>
    public abstract ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>
    /// Called when the vendor answered 401 to <paramref name="request"/>: drop what was refused so that the next
    /// <see cref="AuthenticateAsync"/> applies something new, and say whether replaying the request can help.
    /// </summary>
    /// <param name="request">The refused request, as it was sent.</param>
    /// <param name="response">The 401 answer; do not dispose it.</param>
    /// <param name="cancellationToken">The call's cancellation token.</param>
    /// <returns><see langword="true"/> to authenticate and send the request once more; by default <see langword="false"/>.</returns>
    public virtual ValueTask<bool> OnUnauthorizedAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken) =>
        ValueTask.FromResult(false);

    /// <summary>Returns the authenticator's kind, without any secret.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => GetType().Name;
}

/// <summary>
/// Puts a <see cref="PmsTokenCredential"/>'s token into the <c>Authorization</c> header (<c>Bearer</c> by default), and
/// on a 401 drops that token so that the replay carries a new one. A request whose <c>Authorization</c> header the
/// connector set itself is left alone.
/// </summary>
public sealed class PmsBearerTokenAuthenticator : PmsRequestAuthenticator
{
    /// <summary>What this authenticator put on a request, so that a retry replaces it and a 401 drops it.</summary>
    private static readonly HttpRequestOptionsKey<PmsAccessToken> Applied = new("HotelPlatform.Connectors.Authentication.BearerToken");

    /// <summary>Initializes a new instance of the <see cref="PmsBearerTokenAuthenticator"/> class.</summary>
    /// <param name="credential">The credential; share it across the account's hotels (<see cref="PmsCredentialRegistry"/>).</param>
    /// <param name="scheme">The authorization scheme. Default <c>Bearer</c>.</param>
    public PmsBearerTokenAuthenticator(PmsTokenCredential credential, string scheme = "Bearer")
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentException.ThrowIfNullOrWhiteSpace(scheme);
        Credential = credential;
        Scheme = scheme;
    }

    /// <summary>Gets the credential.</summary>
    public PmsTokenCredential Credential { get; }

    /// <summary>Gets the authorization scheme.</summary>
    public string Scheme { get; }

    /// <inheritdoc />
    public override async ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.Authorization is not null && !CarriesOwnToken(request, out _))
        {
            return;
        }

        var token = await Credential.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(Scheme, token.Value);
        request.Options.Set(Applied, token);
    }

    /// <inheritdoc />
    public override ValueTask<bool> OnUnauthorizedAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!CarriesOwnToken(request, out var rejected))
        {
            return ValueTask.FromResult(false);
        }

        // The token was revoked or expired early: drop it (a newer one, renewed meanwhile, is kept).
        Credential.Invalidate(rejected);
        return ValueTask.FromResult(true);
    }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(PmsBearerTokenAuthenticator)} ({Credential})";

    private bool CarriesOwnToken(HttpRequestMessage request, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PmsAccessToken? token) =>
        request.Options.TryGetValue(Applied, out token)
        && request.Headers.Authorization is { } header
        && string.Equals(header.Scheme, Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(header.Parameter, token.Value, StringComparison.Ordinal);
}

/// <summary>
/// Puts fixed headers on every request: a static API key (<see cref="ApiKey"/>), an application key, a property id.
/// A header the request already carries is left as it is, so a connector can set a different value on one request.
/// Values are never logged, and <see cref="ToString"/> shows the header names only.
/// </summary>
public sealed class PmsHeaderAuthenticator : PmsRequestAuthenticator
{
    private readonly KeyValuePair<string, string>[] _headers;

    /// <summary>Initializes a new instance of the <see cref="PmsHeaderAuthenticator"/> class.</summary>
    /// <param name="headers">The headers' names and values; at least one, names unique (case-insensitive), values not empty.</param>
    public PmsHeaderAuthenticator(IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        _headers = headers.ToArray();
        if (_headers.Length == 0)
        {
            throw new ArgumentException("At least one header is required.", nameof(headers));
        }

        foreach (var (name, value) in _headers)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("A header name is empty.", nameof(headers));
            }

            if (string.IsNullOrEmpty(value))
            {
                // The name is safe to show; the value is what must never appear.
                throw new ArgumentException($"The value of header '{name}' is empty.", nameof(headers));
            }
        }

        if (_headers.Select(h => h.Key).Distinct(StringComparer.OrdinalIgnoreCase).Count() != _headers.Length)
        {
            throw new ArgumentException("A header name appears twice.", nameof(headers));
        }
    }

    /// <summary>Gets the names of the headers put on each request.</summary>
    public IReadOnlyList<string> HeaderNames => _headers.Select(h => h.Key).ToArray();

    /// <summary>Makes an authenticator that sends a static API key in a header (for example <c>x-api-key</c>).</summary>
    /// <param name="headerName">The header's name.</param>
    /// <param name="apiKey">The key; never logged.</param>
    /// <returns>The authenticator.</returns>
    public static PmsHeaderAuthenticator ApiKey(string headerName, string apiKey) => new([new(headerName, apiKey)]);

    /// <inheritdoc />
    public override ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var (name, value) in _headers)
        {
            if (!request.Headers.Contains(name))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(PmsHeaderAuthenticator)} ({string.Join(", ", _headers.Select(h => h.Key))})";
}

/// <summary>
/// Applies several authenticators in order (a bearer token plus an application key and a property header, for
/// instance). On a 401 every one of them is told, and the request is replayed if any renewed something.
/// </summary>
public sealed class PmsCompositeAuthenticator : PmsRequestAuthenticator
{
    private readonly PmsRequestAuthenticator[] _authenticators;

    /// <summary>Initializes a new instance of the <see cref="PmsCompositeAuthenticator"/> class.</summary>
    /// <param name="authenticators">The authenticators, applied in this order; at least one.</param>
    public PmsCompositeAuthenticator(params IEnumerable<PmsRequestAuthenticator> authenticators)
    {
        ArgumentNullException.ThrowIfNull(authenticators);
        _authenticators = authenticators.ToArray();
        if (_authenticators.Length == 0 || _authenticators.Any(a => a is null))
        {
            throw new ArgumentException("At least one authenticator, and no null, is required.", nameof(authenticators));
        }
    }

    /// <summary>Gets the authenticators, in the order they are applied.</summary>
    public IReadOnlyList<PmsRequestAuthenticator> Authenticators => _authenticators;

    /// <inheritdoc />
    public override async ValueTask AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        foreach (var authenticator in _authenticators)
        {
            await authenticator.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override async ValueTask<bool> OnUnauthorizedAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var renewed = false;
        foreach (var authenticator in _authenticators)
        {
            // Every one is told, not only the first that renews: each may hold something the vendor refused.
            renewed |= await authenticator.OnUnauthorizedAsync(request, response, cancellationToken).ConfigureAwait(false);
        }

        return renewed;
    }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(PmsCompositeAuthenticator)} ({string.Join(", ", _authenticators.Select(a => a.ToString()))})";
}
