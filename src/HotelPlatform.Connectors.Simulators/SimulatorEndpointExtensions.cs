using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HotelPlatform.Connectors.Simulators;

/// <summary>Routing helpers for vendor simulators: mount the token endpoint, require bearer tokens on API routes.</summary>
public static class SimulatorEndpointExtensions
{
    private static readonly object BearerTokenKey = new();

    /// <summary>Mounts an OAuth2 token endpoint at the vendor's token path (<c>POST</c>).</summary>
    /// <param name="routes">The route builder.</param>
    /// <param name="pattern">The vendor's token path, such as <c>/connect/token</c>.</param>
    /// <param name="endpoint">The token endpoint.</param>
    /// <returns>The endpoint's convention builder.</returns>
    public static IEndpointConventionBuilder MapOAuthTokenEndpoint(this IEndpointRouteBuilder routes, string pattern, OAuthTokenEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        ArgumentNullException.ThrowIfNull(endpoint);
        return routes.MapMethods(pattern, [HttpMethods.Post], endpoint.HandleTokenRequestAsync);
    }

    /// <summary>
    /// Requires a valid bearer token issued by <paramref name="tokens"/> on every route of the builder (a route or a group);
    /// a refused request gets the 401/403 and the handler does not run. The token is then available from <see cref="GetBearerToken"/>.
    /// </summary>
    /// <typeparam name="TBuilder">The builder type.</typeparam>
    /// <param name="builder">A route or group builder.</param>
    /// <param name="tokens">The token endpoint that issued the tokens.</param>
    /// <param name="anyOfScopes">Scopes of which the token must hold one; none when empty.</param>
    /// <returns>The builder.</returns>
    public static TBuilder RequireBearerToken<TBuilder>(this TBuilder builder, OAuthTokenEndpoint tokens, params string[] anyOfScopes)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(anyOfScopes);
        string[] scopes = [.. anyOfScopes];
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            BearerAuthenticationResult result = tokens.Authenticate(invocation.HttpContext, scopes);
            if (!result.IsAuthenticated)
            {
                return result.Challenge;
            }

            invocation.HttpContext.Items[BearerTokenKey] = result.Token;
            return await next(invocation).ConfigureAwait(false);
        });
        return builder;
    }

    /// <summary>Gets the token that <see cref="RequireBearerToken{TBuilder}"/> accepted for this request.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The token, or <see langword="null"/> on a route without the requirement.</returns>
    public static IssuedToken? GetBearerToken(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(BearerTokenKey, out object? token) ? token as IssuedToken : null;
    }

    /// <summary>Gets the journal entry of the request being handled (its <see cref="RecordedRequest.Sequence"/>, for example).</summary>
    /// <param name="context">The request.</param>
    /// <returns>The entry, or <see langword="null"/> for control routes.</returns>
    public static RecordedRequest? GetRecordedRequest(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return SimulatorMiddleware.GetRecordedRequest(context);
    }
}
