using System.Text.Json.Nodes;
using HotelPlatform.Connectors.Simulators.Cloudbeds.Wire;
using Microsoft.AspNetCore.Http;

namespace HotelPlatform.Connectors.Simulators.Cloudbeds;

/// <summary>
/// Cloudbeds' OAuth 2.0 server as pms-v1.3-openapi.yaml describes <c>POST /access_token</c>: the
/// <c>authorization_code</c> grant (<c>client_id</c>, <c>client_secret</c>, <c>redirect_uri</c>, <c>code</c>) and the
/// <c>refresh_token</c> grant (<c>client_id</c>, <c>client_secret</c>, <c>refresh_token</c>), answering
/// <c>{access_token, token_type, expires_in, refresh_token, resources}</c>. Access tokens are the simulator's
/// <see cref="CloudbedsSimulator.Tokens"/> (their lifetime runs on the simulator's clock). Thread-safe.
/// </summary>
/// <remarks>
/// Cloudbeds documents no error answer for this endpoint (only 200); refusals follow RFC 6749 §5.2: a wrong client is
/// 401 <c>invalid_client</c>, an unknown, used, expired or revoked code or refresh token 400 <c>invalid_grant</c>, a
/// missing parameter 400 <c>invalid_request</c>. A code is single use and valid for 10 minutes (Cloudbeds' guide); a
/// refresh token is replaced by the one each refresh returns (RFC 6749 §6 allows it; Cloudbeds does not say whether it
/// rotates). The <c>urn:ietf:params:oauth:grant-type:api-key</c> grant (automatic API key delivery) is not served.
/// </remarks>
public sealed class CloudbedsAuthorizationServer
{
    /// <summary>How long an authorization code can be exchanged ("valid for 10 minutes", Cloudbeds' authentication guide).</summary>
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    private readonly CloudbedsSimulator _simulator;
    private readonly DeterministicRandom _random;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (Uri RedirectUri, DateTimeOffset ExpiresAt)> _codes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _refreshTokens = new(StringComparer.Ordinal);

    internal CloudbedsAuthorizationServer(CloudbedsSimulator simulator)
    {
        _simulator = simulator;
        _random = simulator.Random.Fork("cloudbeds-oauth");
    }

    private CloudbedsSimulatorOptions Options => _simulator.CloudbedsOptions;

    /// <summary>
    /// The property's user authorizes the app (Cloudbeds' consent page, <c>/api/v1.1/oauth?client_id=…&amp;redirect_uri=…&amp;response_type=code</c>):
    /// returns the code Cloudbeds would send to the redirect URI.
    /// </summary>
    /// <param name="redirectUri">The redirect URI; <see cref="CloudbedsSimulatorOptions.RedirectUri"/> when omitted.</param>
    /// <returns>A single-use code, valid for <see cref="CodeLifetime"/>.</returns>
    public string Authorize(Uri? redirectUri = null)
    {
        lock (_gate)
        {
            var code = _random.NextString(32, DeterministicRandom.UrlSafe);
            _codes[code] = (redirectUri ?? Options.RedirectUri, _simulator.TimeProvider.GetUtcNow() + CodeLifetime);
            return code;
        }
    }

    /// <summary>Returns a refresh token as if an authorization code had been exchanged (for tests that start authorized).</summary>
    /// <returns>The refresh token.</returns>
    public string GrantRefreshToken()
    {
        lock (_gate)
        {
            return NewRefreshTokenLocked();
        }
    }

    /// <summary>The property disconnects the app: every refresh token and access token is revoked.</summary>
    /// <returns>How many refresh tokens were revoked.</returns>
    public int RevokeAll()
    {
        lock (_gate)
        {
            var count = _refreshTokens.Count;
            _refreshTokens.Clear();
            _codes.Clear();
            _simulator.Tokens.RevokeAll();
            return count;
        }
    }

    internal async Task<IResult> HandleAsync(HttpContext context)
    {
        if (context.Request.QueryString.HasValue)
        {
            return _simulator.Validation.Reject(context, "query:$", "access_token takes its parameters in the form body, not the query string.");
        }

        var form = await _simulator.Validation.ReadFormAsync(context, CloudbedsForms.Info<AccessTokenForm>()).ConfigureAwait(false);
        if (!form.IsValid)
        {
            return form.Rejection;
        }

        var request = form.Value!;
        if (string.IsNullOrEmpty(request.ClientId) || string.IsNullOrEmpty(request.ClientSecret))
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "client_id and client_secret are required.");
        }

        if (request.ClientId != Options.ClientId || !FixedTimeEquals(request.ClientSecret, Options.ClientSecret))
        {
            return Error(StatusCodes.Status401Unauthorized, "invalid_client", "Client authentication failed.");
        }

        lock (_gate)
        {
            switch (request.GrantType)
            {
                case "authorization_code":
                    if (string.IsNullOrEmpty(request.Code) || string.IsNullOrEmpty(request.RedirectUri))
                    {
                        return Error(StatusCodes.Status400BadRequest, "invalid_request", "The authorization_code grant requires code and redirect_uri.");
                    }

                    // Single use: the code is gone whatever the outcome.
                    if (!_codes.Remove(request.Code, out var granted) || granted.ExpiresAt <= _simulator.TimeProvider.GetUtcNow())
                    {
                        return Error(StatusCodes.Status400BadRequest, "invalid_grant", "The authorization code is invalid, expired or was already used.");
                    }

                    return request.RedirectUri == granted.RedirectUri.AbsoluteUri || request.RedirectUri == granted.RedirectUri.OriginalString
                        ? Issued(NewRefreshTokenLocked())
                        : Error(StatusCodes.Status400BadRequest, "invalid_grant", "redirect_uri does not match the one the code was issued for.");

                case "refresh_token":
                    if (string.IsNullOrEmpty(request.RefreshToken))
                    {
                        return Error(StatusCodes.Status400BadRequest, "invalid_request", "The refresh_token grant requires refresh_token.");
                    }

                    return _refreshTokens.Remove(request.RefreshToken)
                        ? Issued(NewRefreshTokenLocked())
                        : Error(StatusCodes.Status400BadRequest, "invalid_grant", "The refresh token is invalid or was revoked.");

                default:
                    return Error(StatusCodes.Status400BadRequest, "unsupported_grant_type", $"The grant type '{request.GrantType}' is not supported by this sandbox.");
            }
        }
    }

    private IResult Issued(string refreshToken)
    {
        var token = _simulator.Tokens.IssueToken(Options.ClientId);
        var body = new JsonObject
        {
            ["access_token"] = token.AccessToken,
            ["token_type"] = "Bearer",
            ["expires_in"] = (long)(token.ExpiresAt - token.IssuedAt).TotalSeconds,
            ["refresh_token"] = refreshToken,
            ["resources"] = new JsonArray(new JsonObject { ["type"] = "property", ["id"] = Options.PropertyId }),
        };
        return Results.Text(body.ToJsonString(), "application/json");
    }

    private string NewRefreshTokenLocked()
    {
        var token = _random.NextString(40, DeterministicRandom.UrlSafe);
        _refreshTokens.Add(token);
        return token;
    }

    private static IResult Error(int status, string error, string description) =>
        Results.Text(new JsonObject { ["error"] = error, ["error_description"] = description }.ToJsonString(), "application/json", statusCode: status);

    private static bool FixedTimeEquals(string actual, string expected) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(actual), System.Text.Encoding.UTF8.GetBytes(expected));
}
