using HotelPlatform.Connectors;
using HotelPlatform.Connectors.Mirror;

namespace HotelPlatform.Samples.Host;

/// <summary>
/// The reservation mirror in the sample: its freshness per hotel (<c>/api/mirror/freshness</c>) and reads that cost no
/// vendor call — by id, by guest (<c>?email=</c>, <c>?phone=</c>, <c>?lastName=</c>; <c>/api/mirror/reservations</c>
/// searches every hotel) and by stay dates (<c>?from=&amp;to=</c>).
/// </summary>
internal static class MirrorEndpoints
{
    public static IEndpointRouteBuilder MapMirrorEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPmsMirrorFreshness("/api/mirror");
        app.MapGet("/api/mirror/reservations", (string? email, string? phone, string? lastName, IPmsReservationMirror mirror, CancellationToken ct) =>
            FindAsync(null, email, phone, lastName, mirror, ct));
        app.MapGet("/api/mirror/{hotelId}/reservations", async (string hotelId, string? email, string? phone, string? lastName, DateOnly? from, DateOnly? to, IPmsReservationMirror mirror, CancellationToken ct) =>
            from is { } first
                ? Results.Ok(await mirror.GetStaysAsync(hotelId, first, to ?? first, includeCancelled: false, limit: 500, ct))
                : await FindAsync(hotelId, email, phone, lastName, mirror, ct));
        app.MapGet("/api/mirror/{hotelId}/reservations/{reservationId}", async (string hotelId, string reservationId, IPmsReservationMirror mirror, CancellationToken ct) =>
            await mirror.GetReservationAsync(hotelId, reservationId, ct) is { } copy ? Results.Ok(copy) : Results.NotFound());
        return app;
    }

    private static async Task<IResult> FindAsync(string? hotelId, string? email, string? phone, string? lastName, IPmsReservationMirror mirror, CancellationToken ct)
    {
        var search = new GuestSearch { Email = email, Phone = phone, LastName = lastName };
        return search.HasCriterion
            ? Results.Ok(await mirror.FindByGuestAsync(search, hotelId, ct))
            : Results.BadRequest("Give email, phone or lastName (or from/to for stays of one hotel).");
    }
}
