using System.Globalization;
using System.Net;
using System.Text;
using HotelPlatform.Connectors;
using HotelPlatform.Connectors.Webhooks;

namespace HotelPlatform.Samples.Host;

/// <summary>
/// The webhook side of the sample: a page with the last events per hotel and the dead letters with a replay button,
/// and the same as JSON. It reads the inbox, so it shows what is durable (events survive a restart), never payloads.
/// </summary>
internal static class WebhookPages
{
    private const int EventsPerHotel = 10;

    public static IEndpointRouteBuilder MapWebhookPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/events", EventsPageAsync);
        app.MapPost("/events/dead-letters/{id:long}/replay", async (long id, IPmsEventInbox inbox, TimeProvider time, CancellationToken ct) =>
            await inbox.ReplayAsync(id, time.GetUtcNow(), ct) ? Results.Redirect("/events") : Results.NotFound());
        app.MapGet("/api/events", async (string? hotelId, PmsInboxStatus? status, IPmsEventInbox inbox, CancellationToken ct) =>
            (await inbox.ListAsync(hotelId, status, 100, ct)).Select(Describe));
        return app;
    }

    private static object Describe(PmsInboxItem item) => new
    {
        id = item.Id,
        hotelId = item.Record.HotelId,
        eventId = item.Record.EventId,
        eventType = item.Record.EventType,
        origin = item.Record.Origin.ToString(),
        status = item.Status.ToString(),
        failedAttempts = item.FailedAttempts,
        lastError = item.LastError,
        receivedAt = item.Record.ReceivedAt,
        handledAt = item.HandledAt,
    };

    private static async Task<IResult> EventsPageAsync(IPmsConnectorRegistry hotels, IPmsEventInbox inbox, CancellationToken ct)
    {
        var html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>Webhook events</title><link rel=\"icon\" href=\"data:,\"></head><body><h1>Webhook events</h1>");
        foreach (var hotel in hotels.Hotels)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{Encode(hotel.HotelId)} ({Encode(hotel.Vendor)})</h2>");
            var recent = await inbox.ListAsync(hotel.HotelId, null, EventsPerHotel, ct);
            AppendTable(html, recent, replay: false);
        }

        html.Append("<h2>Dead letters</h2>");
        AppendTable(html, await inbox.ListAsync(null, PmsInboxStatus.DeadLettered, 100, ct), replay: true);
        html.Append("</body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static void AppendTable(StringBuilder html, IReadOnlyList<PmsInboxItem> items, bool replay)
    {
        if (items.Count == 0)
        {
            html.Append("<p>None.</p>");
            return;
        }

        html.Append("<table><tr><th>Received</th><th>Hotel</th><th>Event</th><th>Id</th><th>From</th><th>Status</th><th>Failures</th><th>Last error</th><th></th></tr>");
        foreach (var item in items)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{item.Record.ReceivedAt:u}</td><td>{Encode(item.Record.HotelId)}</td><td>{Encode(item.Record.EventType)}</td><td>{Encode(item.Record.EventId)}</td>" +
                $"<td>{item.Record.Origin}</td><td>{item.Status}</td><td>{item.FailedAttempts}</td><td>{Encode(item.LastError ?? string.Empty)}</td><td>");
            if (replay)
            {
                html.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/events/dead-letters/{item.Id}/replay\"><button type=\"submit\">Replay</button></form>");
            }

            html.Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
