using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HotelPlatform.Connectors.Mirror;

/// <summary>Maps the mirror's freshness as JSON (no guest data).</summary>
public static class PmsMirrorEndpointExtensions
{
    /// <summary>
    /// Maps <c>GET {prefix}/freshness</c> (every hotel) and <c>GET {prefix}/freshness/{hotelId}</c> (404 for an unknown
    /// hotel): <see cref="PmsMirrorFreshness"/> as JSON. Add authorization to the returned group as the host requires.
    /// </summary>
    /// <param name="endpoints">The endpoints.</param>
    /// <param name="prefix">The route prefix, for example <c>/mirror</c>.</param>
    /// <returns>The route group.</returns>
    public static RouteGroupBuilder MapPmsMirrorFreshness(this IEndpointRouteBuilder endpoints, string prefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        var group = endpoints.MapGroup(prefix);
        group.MapGet("/freshness", async (PmsMirrorFreshnessReader reader, CancellationToken ct) =>
            Results.Json(await reader.GetAllAsync(ct).ConfigureAwait(false), PmsMirrorJson.Default.IReadOnlyListPmsMirrorFreshness));
        group.MapGet("/freshness/{hotelId}", async (string hotelId, PmsMirrorFreshnessReader reader, IPmsConnectorRegistry registry, CancellationToken ct) =>
            registry.TryGet(hotelId, out _)
                ? Results.Json(await reader.GetAsync(hotelId, ct).ConfigureAwait(false), PmsMirrorJson.Default.PmsMirrorFreshness)
                : Results.NotFound());
        return group;
    }
}
