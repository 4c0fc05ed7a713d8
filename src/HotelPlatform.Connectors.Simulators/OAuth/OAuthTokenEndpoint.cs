using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>Settings of an <see cref="OAuthTokenEndpoint"/>.</summary>
public sealed class OAuthTokenEndpointOptions
{
    /// <summary>Gets or sets how long an issued token is valid, on the simulator's clock (<c>expires_in</c>). One hour by default.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets a value indicating whether clients may authenticate with HTTP Basic (<c>client_secret_basic</c>).</summary>
    public bool AllowBasicAuthentication { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether clients may authenticate with <c>client_id</c>/<c>client_secret</c> in the form (<c>client_secret_post</c>).</summary>
    public bool AllowFormAuthentication { get; set; } = true;

    /// <summary>Gets the form parameters the vendor documents beyond <c>grant_type</c>, <c>scope</c>, <c>client_id</c> and <c>client_secret</c>; anything else is refused as a strict-validation failure.</summary>
    public ISet<string> AdditionalParameters { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Gets or sets the length of the opaque tokens issued.</summary>
    public int TokenLength { get; set; } = 40;

    /// <summary>
    /// Gets or sets how a refused bearer token is answered, for vendors whose 401 has a body of their own; by default an
    /// empty 401 (403 for a missing scope) with the RFC 6750 <c>WWW-Authenticate</c> header.
    /// </summary>
    public Func<HttpContext, BearerFailure, IResult>? Challenge { get; set; }
}

/// <summary>Why a bearer token was refused.</summary>
public enum BearerFailure
{
    /// <summary>No <c>Authorization: Bearer</c> header.</summary>
    Missing,

    /// <summary>An <c>Authorization</c> header that is not a bearer token.</summary>
    Malformed,

    /// <summary>A token this endpoint never issued, or revoked.</summary>
    Unknown,

    /// <summary>A token whose lifetime has passed on the simulator's clock.</summary>
    Expired,

    /// <summary>A valid token without any of the scopes the endpoint requires.</summary>
    InsufficientScope,
}

/// <summary>A token an <see cref="OAuthTokenEndpoint"/> issued.</summary>
/// <param name="AccessToken">The opaque token.</param>
/// <param name="ClientId">The client it was issued to.</param>
/// <param name="Scopes">The scopes granted.</param>
/// <param name="IssuedAt">When it was issued, on the simulator's clock.</param>
/// <param name="ExpiresAt">When it stops being accepted, on the simulator's clock.</param>
public sealed record IssuedToken(string AccessToken, string ClientId, IReadOnlyList<string> Scopes, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>Tells whether the token has expired at an instant.</summary>
    /// <param name="now">The instant.</param>
    /// <returns><see langword="true"/> from <see cref="ExpiresAt"/> on.</returns>
    public bool IsExpiredAt(DateTimeOffset now) => now >= ExpiresAt;

    /// <inheritdoc />
    public override string ToString() => $"token for {ClientId} until {ExpiresAt:O}";
}

/// <summary>The outcome of <see cref="OAuthTokenEndpoint.Authenticate"/>.</summary>
public sealed class BearerAuthenticationResult
{
    internal BearerAuthenticationResult(IssuedToken token)
    {
        Token = token;
    }

    internal BearerAuthenticationResult(BearerFailure failure, IResult challenge)
    {
        Failure = failure;
        Challenge = challenge;
    }

    /// <summary>Gets a value indicating whether the request carries a valid token with a required scope.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Token))]
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(Challenge), nameof(Failure))]
    public bool IsAuthenticated => Token is not null;

    /// <summary>Gets the token when authenticated.</summary>
    public IssuedToken? Token { get; }

    /// <summary>Gets why the token was refused.</summary>
    public BearerFailure? Failure { get; }

    /// <summary>Gets the 401/403 answer to return when refused.</summary>
    public IResult? Challenge { get; }
}

/// <summary>
/// A small OAuth2 client-credentials authorization server (RFC 6749 §4.4) for simulators: issues opaque bearer tokens
/// with a lifetime on the simulator's clock, authenticates clients by HTTP Basic or form, counts token requests, and
/// checks bearer tokens on API routes (RFC 6750). Thread-safe.
/// </summary>
/// <remarks>
/// Mount it at the vendor's token path with <see cref="SimulatorEndpointExtensions.MapOAuthTokenEndpoint"/> and protect
/// API routes with <see cref="SimulatorEndpointExtensions.RequireBearerToken{TBuilder}"/>. A token request that breaks the
/// protocol (wrong content type, missing or repeated <c>grant_type</c>, an undocumented parameter) is answered as RFC 6749
/// requires <em>and</em> recorded in <see cref="VendorSimulator.ValidationFailures"/>; wrong credentials are not a protocol
/// error and are only answered (<c>invalid_client</c>).
/// </remarks>
public sealed class OAuthTokenEndpoint
{
    private static readonly HashSet<string> StandardParameters = new(StringComparer.Ordinal) { "grant_type", "scope", "client_id", "client_secret" };

    private readonly VendorSimulator _simulator;
    private readonly DeterministicRandom _random;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RegisteredClient> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private int _tokenRequests;
    private int _tokensIssued;

    /// <summary>Initializes a new instance of the <see cref="OAuthTokenEndpoint"/> class.</summary>
    /// <param name="simulator">The simulator whose clock, seed and validation log it uses.</param>
    /// <param name="options">The settings; defaults when omitted.</param>
    public OAuthTokenEndpoint(VendorSimulator simulator, OAuthTokenEndpointOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        _simulator = simulator;
        Options = options ?? new OAuthTokenEndpointOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Options.TokenLifetime, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.TokenLength, 16, nameof(options));
        _random = simulator.Random.Fork("oauth-tokens");
    }

    /// <summary>Gets the settings.</summary>
    public OAuthTokenEndpointOptions Options { get; }

    /// <summary>Gets how many requests reached the token endpoint (granted or not) since construction or <see cref="Reset"/>.</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>Gets how many tokens were issued since construction or <see cref="Reset"/>.</summary>
    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    /// <summary>Registers a client that may request tokens.</summary>
    /// <param name="clientId">The client identifier.</param>
    /// <param name="clientSecret">The client secret.</param>
    /// <param name="allowedScopes">The scopes it may request; granted all when it requests none. Empty: it may request any scope.</param>
    public void RegisterClient(string clientId, string clientSecret, params IEnumerable<string> allowedScopes)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);
        ArgumentNullException.ThrowIfNull(allowedScopes);
        lock (_gate)
        {
            _clients[clientId] = new RegisteredClient(clientSecret, [.. allowedScopes]);
        }
    }

    /// <summary>Issues a token directly, as if the client had asked (for tests that start from an authenticated state).</summary>
    /// <param name="clientId">A registered client.</param>
    /// <param name="scopes">The scopes; the client's allowed scopes when omitted.</param>
    /// <returns>The token.</returns>
    /// <exception cref="ArgumentException">The client is not registered.</exception>
    public IssuedToken IssueToken(string clientId, IEnumerable<string>? scopes = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        lock (_gate)
        {
            if (!_clients.TryGetValue(clientId, out RegisteredClient? client))
            {
                throw new ArgumentException($"The client '{clientId}' is not registered.", nameof(clientId));
            }

            return IssueLocked(clientId, scopes is null ? client.AllowedScopes : [.. scopes]);
        }
    }

    /// <summary>Revokes a token; later requests with it are refused as <see cref="BearerFailure.Unknown"/>.</summary>
    /// <param name="accessToken">The token.</param>
    /// <returns><see langword="true"/> when it was known.</returns>
    public bool Revoke(string accessToken)
    {
        lock (_gate)
        {
            return _tokens.Remove(accessToken);
        }
    }

    /// <summary>
    /// Revokes every token issued so far, as a vendor does when it rotates keys or a token is withdrawn early: clients
    /// holding one get a 401 on their next request and must fetch a new token. Counters are kept.
    /// </summary>
    /// <returns>How many tokens were revoked.</returns>
    public int RevokeAll()
    {
        lock (_gate)
        {
            var count = _tokens.Count;
            _tokens.Clear();
            return count;
        }
    }

    /// <summary>Forgets every issued token and zeroes the counters; registered clients stay.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _tokens.Clear();
            _tokenRequests = 0;
            _tokensIssued = 0;
        }
    }

    /// <summary>Returns the valid token a request carries, without answering anything (to pick a rate-limit partition, for example).</summary>
    /// <param name="context">The request.</param>
    /// <returns>The token, or <see langword="null"/> when it carries none that is valid now.</returns>
    public IssuedToken? FindToken(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return TryReadBearer(context, out string? token) && Lookup(token) is { } issued && !issued.IsExpiredAt(_simulator.TimeProvider.GetUtcNow())
            ? issued
            : null;
    }

    /// <summary>Checks the request's bearer token.</summary>
    /// <param name="context">The request.</param>
    /// <param name="anyOfScopes">Scopes of which the token must hold at least one; none required when empty.</param>
    /// <returns>The token, or the 401/403 to return.</returns>
    public BearerAuthenticationResult Authenticate(HttpContext context, params IEnumerable<string> anyOfScopes)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(anyOfScopes);
        if (context.Request.Headers.Authorization.Count == 0)
        {
            return Refuse(context, BearerFailure.Missing);
        }

        if (!TryReadBearer(context, out string? token))
        {
            return Refuse(context, BearerFailure.Malformed);
        }

        IssuedToken? issued = Lookup(token);
        if (issued is null)
        {
            return Refuse(context, BearerFailure.Unknown);
        }

        if (issued.IsExpiredAt(_simulator.TimeProvider.GetUtcNow()))
        {
            return Refuse(context, BearerFailure.Expired);
        }

        var required = anyOfScopes.ToList();
        if (required.Count > 0 && !required.Any(issued.Scopes.Contains))
        {
            return Refuse(context, BearerFailure.InsufficientScope);
        }

        return new BearerAuthenticationResult(issued);
    }

    /// <summary>Handles a token request (<c>POST</c>, form-encoded). Mount it with <see cref="SimulatorEndpointExtensions.MapOAuthTokenEndpoint"/>.</summary>
    /// <param name="context">The request.</param>
    /// <returns>A task that completes when the answer is written.</returns>
    public async Task HandleTokenRequestAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Interlocked.Increment(ref _tokenRequests);
        IResult result = await ProcessTokenRequestAsync(context).ConfigureAwait(false);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        await result.ExecuteAsync(context).ConfigureAwait(false);
    }

    private async Task<IResult> ProcessTokenRequestAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            return ProtocolError(context, "invalid_request", "method", $"The token endpoint takes POST, not {request.Method}.");
        }

        if (!request.HasFormContentType || !MediaTypeHeaderValue.TryParse(request.ContentType, out var media) || media.MediaType != "application/x-www-form-urlencoded")
        {
            return ProtocolError(context, "invalid_request", "header:Content-Type", $"A token request is application/x-www-form-urlencoded, not '{request.ContentType}'.");
        }

        IFormCollection form = await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var violations = new List<ValidationViolation>();
        foreach (var (name, values) in form)
        {
            if (values.Count > 1)
            {
                violations.Add(new($"form:{name}", $"'{name}' was sent {values.Count} times; RFC 6749 allows each parameter once."));
            }

            if (!StandardParameters.Contains(name) && !Options.AdditionalParameters.Contains(name))
            {
                violations.Add(new($"form:{name}", $"'{name}' is not a parameter of this token endpoint."));
            }
        }

        string? grantType = form["grant_type"].Count == 1 ? form["grant_type"][0] : null;
        if (form["grant_type"].Count == 0)
        {
            violations.Add(new("form:grant_type", "'grant_type' is required."));
        }

        if (violations.Count > 0)
        {
            return ProtocolError(context, "invalid_request", violations);
        }

        if (grantType != "client_credentials")
        {
            return ProtocolError(context, "unsupported_grant_type", "form:grant_type", $"The grant type '{grantType}' is not supported; this endpoint issues client_credentials tokens.");
        }

        // Client authentication: exactly one method (RFC 6749 §2.3).
        bool hasHeader = request.Headers.Authorization.Count > 0;
        bool hasFormSecret = form.ContainsKey("client_secret");
        if (hasHeader && hasFormSecret)
        {
            return ProtocolError(context, "invalid_request", "form:client_secret", "The client authenticated with both the Authorization header and client_secret; RFC 6749 allows one method.");
        }

        string? clientId;
        string? clientSecret;
        if (hasHeader)
        {
            if (!Options.AllowBasicAuthentication || !TryReadBasic(request, out clientId, out clientSecret))
            {
                return InvalidClient(usedHeader: true);
            }

            if (form.TryGetValue("client_id", out StringValues formId) && formId.ToString() != clientId)
            {
                return ProtocolError(context, "invalid_request", "form:client_id", "client_id in the form differs from the client in the Authorization header.");
            }
        }
        else if (Options.AllowFormAuthentication && hasFormSecret)
        {
            clientId = form["client_id"].ToString();
            clientSecret = form["client_secret"].ToString();
        }
        else
        {
            return InvalidClient(usedHeader: false);
        }

        string[] requested = form.TryGetValue("scope", out StringValues scope)
            ? scope.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            : [];
        IssuedToken token;
        lock (_gate)
        {
            if (string.IsNullOrEmpty(clientId) || !_clients.TryGetValue(clientId, out RegisteredClient? client)
                || !CryptographicEquals(client.Secret, clientSecret ?? string.Empty))
            {
                return InvalidClient(hasHeader);
            }

            if (client.AllowedScopes.Count > 0 && requested.FirstOrDefault(s => !client.AllowedScopes.Contains(s)) is { } refused)
            {
                return OAuthError(StatusCodes.Status400BadRequest, "invalid_scope", $"The client may not request the scope '{refused}'.");
            }

            token = IssueLocked(clientId, requested.Length > 0 ? requested : client.AllowedScopes);
        }

        return Results.Json(
            new TokenResponse(token.AccessToken, "Bearer", (long)Options.TokenLifetime.TotalSeconds, token.Scopes.Count > 0 ? string.Join(' ', token.Scopes) : null),
            OAuthJson.Default.TokenResponse);
    }

    private static IResult InvalidClient(bool usedHeader) => usedHeader
        ? new ChallengeResult(OAuthError(StatusCodes.Status401Unauthorized, "invalid_client", "Client authentication failed."), "Basic realm=\"token\"")
        : OAuthError(StatusCodes.Status400BadRequest, "invalid_client", "Client authentication failed.");

    private static IResult OAuthError(int status, string error, string description) =>
        Results.Json(new TokenError(error, description), OAuthJson.Default.TokenError, statusCode: status);

    private static bool CryptographicEquals(string expected, string actual) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));

    private static bool TryReadBearer(HttpContext context, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? token)
    {
        token = null;
        string header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        token = header[7..].Trim();
        return token.Length > 0 && !token.Contains(' ', StringComparison.Ordinal);
    }

    private static bool TryReadBasic(HttpRequest request, out string? clientId, out string? clientSecret)
    {
        clientId = clientSecret = null;
        string header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        int colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        // RFC 6749 §2.3.1: identifier and secret are form-urlencoded before being joined and base64-encoded.
        clientId = Uri.UnescapeDataString(decoded[..colon].Replace('+', ' '));
        clientSecret = Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' '));
        return true;
    }

    private IResult ProtocolError(HttpContext context, string error, string member, string message) =>
        ProtocolError(context, error, [new ValidationViolation(member, message)]);

    private IResult ProtocolError(HttpContext context, string error, IReadOnlyList<ValidationViolation> violations)
    {
        _simulator.Validation.Record(context, violations);
        return OAuthError(StatusCodes.Status400BadRequest, error, string.Join(" ", violations.Select(v => v.Message)));
    }

    private IssuedToken? Lookup(string token)
    {
        lock (_gate)
        {
            return _tokens.GetValueOrDefault(token);
        }
    }

    private IssuedToken IssueLocked(string clientId, IReadOnlyList<string> scopes)
    {
        DateTimeOffset now = _simulator.TimeProvider.GetUtcNow();

        // Keep expired tokens for a day so they are reported as expired rather than unknown, then forget them.
        foreach (string stale in _tokens.Where(t => t.Value.ExpiresAt.AddDays(1) < now).Select(t => t.Key).ToList())
        {
            _tokens.Remove(stale);
        }

        string accessToken;
        do
        {
            accessToken = _random.NextString(Options.TokenLength, DeterministicRandom.UrlSafe);
        }
        while (_tokens.ContainsKey(accessToken));

        var issued = new IssuedToken(accessToken, clientId, scopes, now, now + Options.TokenLifetime);
        _tokens[accessToken] = issued;
        _tokensIssued++;
        return issued;
    }

    private BearerAuthenticationResult Refuse(HttpContext context, BearerFailure failure)
    {
        if (Options.Challenge is { } custom)
        {
            return new BearerAuthenticationResult(failure, custom(context, failure));
        }

        // RFC 6750 §3: no error code when the request carried no credentials at all.
        (int status, string challenge) = failure switch
        {
            BearerFailure.Missing => (StatusCodes.Status401Unauthorized, "Bearer"),
            BearerFailure.Malformed => (StatusCodes.Status401Unauthorized, "Bearer error=\"invalid_request\""),
            BearerFailure.Expired => (StatusCodes.Status401Unauthorized, "Bearer error=\"invalid_token\", error_description=\"The access token expired\""),
            BearerFailure.InsufficientScope => (StatusCodes.Status403Forbidden, "Bearer error=\"insufficient_scope\""),
            _ => (StatusCodes.Status401Unauthorized, "Bearer error=\"invalid_token\""),
        };
        return new BearerAuthenticationResult(failure, new ChallengeResult(Results.StatusCode(status), challenge));
    }

    private sealed record RegisteredClient(string Secret, IReadOnlyList<string> AllowedScopes);

    /// <summary>Adds <c>WWW-Authenticate</c> to another result.</summary>
    private sealed class ChallengeResult(IResult inner, string challenge) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.WWWAuthenticate = challenge;
            return inner.ExecuteAsync(httpContext);
        }
    }
}

internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] long ExpiresIn,
    [property: JsonPropertyName("scope")] string? Scope);

internal sealed record TokenError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string ErrorDescription);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(TokenError))]
internal sealed partial class OAuthJson : JsonSerializerContext;
