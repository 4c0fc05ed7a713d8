using System.Globalization;
using System.Net;
using System.Text;
using HotelPlatform.Connectors;
using Microsoft.AspNetCore.Mvc;

namespace HotelPlatform.Samples.Host;

/// <summary>The sample's HTTP surface: a status page and a small JSON API over every registered hotel.</summary>
internal static class SampleEndpoints
{
    public static IEndpointRouteBuilder MapSampleEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", StatusPageAsync);

        var api = app.MapGroup("/api/hotels").AddEndpointFilter(PmsErrorFilter);
        api.MapGet("/", ListHotelsAsync);
        api.MapGet("/{hotelId}/room-types", (string hotelId, IPmsConnectorRegistry hotels, CancellationToken ct) =>
            hotels.Get(hotelId).GetRoomTypesAsync(ct));
        api.MapGet("/{hotelId}/availability", (string hotelId, DateOnly arrival, DateOnly departure, IPmsConnectorRegistry hotels, CancellationToken ct) =>
            hotels.Get(hotelId).GetAvailabilityAsync(new(arrival, departure), ct));
        api.MapGet("/{hotelId}/quotes", (string hotelId, DateOnly arrival, DateOnly departure, int? adults, IPmsConnectorRegistry hotels, CancellationToken ct) =>
            hotels.Get(hotelId).QuoteAsync(new(arrival, departure, adults ?? 1), ct));
        api.MapGet("/{hotelId}/arrivals", (string hotelId, DateOnly? date, IPmsConnectorRegistry hotels, CancellationToken ct) =>
            hotels.Get(hotelId).GetReservationsAsync(date is { } d ? ReservationQuery.Arrivals(d) : ReservationQuery.ArrivalsToday(), ct));
        api.MapPost("/{hotelId}/reservations", async (string hotelId, ReservationDraft draft, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IPmsConnectorRegistry hotels, CancellationToken ct) =>
        {
            // A caller that retries with the same Idempotency-Key gets the same reservation, never a second one.
            var reservation = await hotels.Get(hotelId).CreateReservationAsync(
                idempotencyKey is null ? draft : draft with { ClientReference = idempotencyKey }, ct);
            return Results.Created($"/api/hotels/{hotelId}/reservations/{Uri.EscapeDataString(reservation.VendorId)}", reservation);
        });
        api.MapGet("/{hotelId}/reservations/{reservationId}", (string hotelId, string reservationId, IPmsConnectorRegistry hotels, CancellationToken ct) =>
            hotels.Get(hotelId).GetReservationAsync(reservationId, ct));
        api.MapPost("/{hotelId}/reservations/{reservationId}/cancel", (string hotelId, string reservationId, IPmsConnectorRegistry hotels, CancellationToken ct) =>
            hotels.Get(hotelId).CancelReservationAsync(reservationId, cancellationToken: ct));
        return app;
    }

    private static async Task<IResult> ListHotelsAsync(IPmsConnectorRegistry hotels, CancellationToken ct)
    {
        var list = new List<object>();
        foreach (var hotel in hotels.Hotels)
        {
            var pms = hotels.Get(hotel.HotelId);
            var health = await pms.CheckHealthAsync(ct);
            list.Add(new
            {
                hotelId = hotel.HotelId,
                vendor = hotel.Vendor,
                propertyId = pms.PropertyId,
                capabilities = pms.Capabilities.ToString(),
                health = health.Status.ToString(),
            });
        }

        return Results.Ok(list);
    }

    /// <summary>Turns the SDK's typed errors into HTTP problem responses, so the API's callers see what went wrong.</summary>
    private static async ValueTask<object?> PmsErrorFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (KeyNotFoundException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound, title: "Unknown hotel");
        }
        catch (ArgumentException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");
        }
        catch (PmsException ex)
        {
            var status = ex switch
            {
                PmsNotFoundException => StatusCodes.Status404NotFound,
                PmsValidationException => StatusCodes.Status422UnprocessableEntity,
                PmsConflictException => StatusCodes.Status409Conflict,
                PmsNotSupportedException => StatusCodes.Status501NotImplemented,
                PmsRateLimitedException => StatusCodes.Status429TooManyRequests,
                PmsAuthenticationException => StatusCodes.Status502BadGateway,
                _ => StatusCodes.Status503ServiceUnavailable,
            };
            return Results.Problem(ex.Message, statusCode: status, title: ex.GetType().Name);
        }
    }

    private static async Task<IResult> StatusPageAsync(IPmsConnectorRegistry hotels, TimeProvider clock, CancellationToken ct)
    {
        var html = new StringBuilder();
        html.Append("""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>HotelPlatform.Connectors — status</title>
            <style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:.5rem 0 1.5rem}
            td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}th{background:#f4f4f4}.Healthy{color:#17803d}.Degraded{color:#b7791f}.Unhealthy{color:#c53030}</style>
            </head><body><h1>HotelPlatform.Connectors</h1><p>Hotels registered from configuration. JSON: <a href="/api/hotels">/api/hotels</a>, health: <a href="/health">/health</a>.</p>
            """);
        foreach (var hotel in hotels.Hotels)
        {
            var pms = hotels.Get(hotel.HotelId);
            var health = await pms.CheckHealthAsync(ct);
            html.Append(CultureInfo.InvariantCulture, $"<h2>{E(hotel.HotelId)} <small>({E(hotel.Vendor)}, property {E(pms.PropertyId)})</small></h2>");
            html.Append(CultureInfo.InvariantCulture, $"<p>Health: <b class=\"{health.Status}\">{health.Status}</b> in {health.Duration.TotalMilliseconds:0} ms{(health.Description is null ? string.Empty : " — " + E(health.Description))}</p>");
            if (health.Status == PmsHealthStatus.Unhealthy)
            {
                continue;
            }

            if (!pms.Supports(ConnectorCapabilities.Inventory))
            {
                // A channel manager (SiteMinder) serves no property data: its reservations arrive as events.
                html.Append(CultureInfo.InvariantCulture, $"<p>Capabilities: {E(pms.Capabilities.ToString())}.</p>");
                continue;
            }

            var property = await pms.GetPropertyAsync(ct);
            var today = property.LocalDate(clock.GetUtcNow());
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(property.Name)} — time zone {E(property.TimeZone)}, today is {today:yyyy-MM-dd} there; currency {E(property.Currency)}.</p>");

            if (pms.Supports(ConnectorCapabilities.Availability))
            {
                var grid = await pms.GetAvailabilityAsync(new(today, today.AddDays(7)), ct);
                html.Append("<table><tr><th>Room type</th>");
                for (var d = today; d < today.AddDays(7); d = d.AddDays(1))
                {
                    html.Append(CultureInfo.InvariantCulture, $"<th>{d:ddd dd}</th>");
                }

                html.Append("</tr>");
                foreach (var row in grid.RoomTypes)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(row.RoomTypeId)}</td>");
                    foreach (var night in row.Nights)
                    {
                        html.Append(CultureInfo.InvariantCulture, $"<td>{night.Available}</td>");
                    }

                    html.Append("</tr>");
                }

                html.Append("</table>");
            }

            if (pms.Supports(ConnectorCapabilities.ListReservations))
            {
                var arrivals = 0;
                await foreach (var _ in pms.GetReservationsAsync(ReservationQuery.ArrivalsToday(), ct))
                {
                    arrivals++;
                }

                html.Append(CultureInfo.InvariantCulture, $"<p>Arrivals today: {arrivals}</p>");
            }
        }

        html.Append("</body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
