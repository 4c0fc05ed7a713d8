using System.Globalization;
using System.Net;
using System.Net.ServerSentEvents;
using System.Text;
using HotelPlatform.Connectors;
using HotelPlatform.Connectors.Analytics;
using HotelPlatform.Connectors.Analytics.Reports;

namespace HotelPlatform.Samples.Host.Analytics;

/// <summary>
/// The conversation-analytics dashboard: <c>/analytics</c> (figures, server-rendered SVG charts, a live view fed by
/// server-sent events, an export button per report and format), <c>/analytics/reports/{name}.{csv|json|xlsx|pdf}</c>,
/// <c>/analytics/charts/{name}.svg</c>, <c>/analytics/live</c> (SSE) and <c>POST /analytics/replay</c> (replay a booking
/// call now). Every view takes <c>hotel</c>, <c>from</c> and <c>to</c> (UTC days, inclusive).
/// </summary>
internal static class AnalyticsDashboard
{
    private const int DefaultDays = 30;

    public static IServiceCollection AddAnalyticsDashboard(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // DuckDB file beside the webhook inbox; ":memory:" keeps nothing (tests).
        string store = configuration["Analytics:Store"] ?? "analytics.duckdb";
        services.AddSingleton<IConversationEventStore>(_ => new DuckDbConversationEventStore(store == ":memory:" ? store : Path.Combine(environment.ContentRootPath, store)));
        services.AddSingleton(sp => ReportCatalog.Create(AnalyticsReportConfiguration.Read(configuration), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<LiveCallFeed>();
        services.AddSingleton<AnalyticsReplay>();
        services.AddHostedService(sp => sp.GetRequiredService<AnalyticsReplay>());
        return services;
    }

    public static IEndpointRouteBuilder MapAnalyticsDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/analytics", PageAsync);
        app.MapGet("/analytics/reports/{name}.{format}", ExportAsync);
        app.MapGet("/analytics/charts/{name}.svg", ChartAsync);
        app.MapGet("/analytics/live", (LiveCallFeed feed, CancellationToken ct) =>
            TypedResults.ServerSentEvents(feed.WatchAsync(ct).Select(call => new SseItem<LiveCall>(call, "call"))));
        app.MapPost("/analytics/replay", async (string? hotel, AnalyticsReplay replay, CancellationToken ct) =>
        {
            try
            {
                return Results.Ok(await replay.ReplayBookingNowAsync(hotel, ct));
            }
            catch (KeyNotFoundException ex)
            {
                return Results.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound);
            }
        });
        return app;
    }

    private static (AnalyticsFilter Filter, DateOnly From, DateOnly To) ReadFilter(HttpRequest request, TimeProvider time)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var from = Day(request.Query["from"]) ?? today.AddDays(1 - DefaultDays);
        var to = Day(request.Query["to"]) ?? today;
        string? hotel = request.Query["hotel"] is { Count: > 0 } h && !string.IsNullOrWhiteSpace(h) ? h.ToString() : null;
        var filter = new AnalyticsFilter
        {
            HotelId = hotel,
            From = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            To = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        };
        return (filter, from, to);

        static DateOnly? Day(Microsoft.Extensions.Primitives.StringValues value) =>
            DateOnly.TryParseExact(value.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    private static async Task ExportAsync(string name, string format, HttpContext context, ReportCatalog catalog, IConversationEventStore store, TimeProvider time)
    {
        if (!Enum.TryParse<ReportFormat>(format, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || format.Any(char.IsDigit) || !catalog.TryGet(name, out _))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var report = catalog.Open(name, store, ReadFilter(context.Request, time).Filter);
        context.Response.ContentType = ReportExport.ContentType(parsed);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{ReportExport.FileName(report, parsed)}\"";
        try
        {
            await ReportExport.WriteAsync(report, parsed, context.Response.Body, context.RequestAborted);
        }
        catch (ReportConfigurationException ex) when (!context.Response.HasStarted)
        {
            // Every export reads its first row before writing, so a report missing its settings answers with why.
            context.Response.Headers.ContentDisposition = default;
            context.Response.StatusCode = StatusCodes.Status409Conflict;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(ex.Message, context.RequestAborted);
        }
    }

    private static async Task<IResult> ChartAsync(string name, HttpRequest request, ReportCatalog catalog, IConversationEventStore store, TimeProvider time, CancellationToken ct)
    {
        if (!catalog.TryGet(name, out var source) || source.Chart is null)
        {
            return Results.NotFound();
        }

        var report = catalog.Open(name, store, ReadFilter(request, time).Filter);
        try
        {
            var rows = await ReportChartRenderer.ReadChartRowsAsync(report, ct);
            return Results.Content(ReportChartRenderer.RenderSvg(report, rows, 560, 300), "image/svg+xml");
        }
        catch (ReportConfigurationException ex)
        {
            // The tile says what the report needs instead of showing a broken image.
            return Results.Content(
                $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"560\" height=\"300\"><text x=\"12\" y=\"150\" font-family=\"sans-serif\" font-size=\"13\">{Encode(ex.Message)}</text></svg>",
                "image/svg+xml");
        }
    }

    private static async Task<IResult> PageAsync(HttpRequest request, ReportCatalog catalog, IConversationEventStore store, IPmsConnectorRegistry hotels, AnalyticsReplay replay, TimeProvider time, CancellationToken ct)
    {
        var (filter, from, to) = ReadFilter(request, time);
        var metrics = await store.GetConversationMetricsAsync(filter, ct);
        string query = $"?hotel={Uri.EscapeDataString(filter.HotelId ?? string.Empty)}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Conversation analytics</title><link rel="icon" href="data:,">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>
            body{font-family:system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1d2733}header{background:#1d3557;color:#fff;padding:12px 24px}
            h1{margin:0;font-size:22px}main{padding:16px 24px}.source{padding:8px 12px;border-radius:6px;margin-bottom:12px;background:#e7f0fa}
            .source.seeded{background:#fff3cd}form{display:flex;gap:12px;align-items:end;flex-wrap:wrap;margin-bottom:16px}label{display:flex;flex-direction:column;font-size:12px}
            .tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin-bottom:16px}.tile{background:#fff;border-radius:8px;padding:12px;box-shadow:0 1px 2px #0002}
            .tile b{display:block;font-size:26px}.tile span{font-size:12px;color:#55606e}.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:12px}
            .card{background:#fff;border-radius:8px;padding:12px;box-shadow:0 1px 2px #0002}.card img{width:100%;height:auto}h2{font-size:16px;margin:0 0 8px}
            #live{list-style:none;padding:0;margin:0;max-height:300px;overflow:auto;font-size:13px}#live li{padding:4px 0;border-bottom:1px solid #eee}
            #live li[data-outcome=booked]{color:#1b7a3a}table{border-collapse:collapse;width:100%;font-size:13px}td,th{text-align:left;padding:4px 8px;border-bottom:1px solid #eee}
            a.export{margin-right:8px}
            </style></head><body><header><h1>Conversation analytics</h1></header><main>
            <p class="source{{(replay.Seeded ? " seeded" : string.Empty)}}" id="data-source">{{Encode(replay.DataSource)}}</p>
            <form method="get" action="/analytics"><label>Hotel<select name="hotel"><option value="">All hotels</option>
            """);
        foreach (var hotel in hotels.Hotels)
        {
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{Encode(hotel.HotelId)}\"{(hotel.HotelId == filter.HotelId ? " selected" : string.Empty)}>{Encode(hotel.HotelId)}</option>");
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            </select></label><label>From<input type="date" name="from" value="{from:yyyy-MM-dd}"></label><label>To<input type="date" name="to" value="{to:yyyy-MM-dd}"></label>
            <button type="submit">Show</button></form>
            <section class="tiles">
            {Tile("calls", metrics.Calls.ToString("#,0", CultureInfo.InvariantCulture), "calls")}
            {Tile("completion", Percent(metrics.CompletionRate), "completed with a booking")}
            {Tile("acceptance", Percent(metrics.OfferAcceptanceRate), "offers accepted")}
            {Tile("accuracy", Percent(metrics.IntentAccuracy), "intents detected right")}
            {Tile("transferred", metrics.Transferred.ToString("#,0", CultureInfo.InvariantCulture), "handed to staff")}
            {Tile("handling", metrics.HandlingTime.Median is { } median ? $"{median.TotalSeconds:0} s" : "–", "median call length")}
            </section>
            <div class="grid"><section class="card"><h2>Live calls</h2><p><span id="live-status">connecting…</span> · <span id="live-count">0</span> new since opened ·
            <button type="button" id="replay">Replay a booking call now</button></p><ul id="live"></ul></section>
            """);
        foreach (var source in catalog.Sources.Where(s => s.Chart is not null))
        {
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"card\"><h2>{Encode(source.Title)}</h2><img alt=\"{Encode(source.Title)} chart\" src=\"/analytics/charts/{source.Name}.svg{Encode(query)}\" width=\"560\" height=\"300\"></section>");
        }

        html.Append("</div><section class=\"card\" style=\"margin-top:12px\"><h2>Reports</h2><table><tr><th>Report</th><th>Export</th></tr>");
        foreach (var source in catalog.Sources)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(source.Title)}</td><td>");
            foreach (var format in Enum.GetValues<ReportFormat>())
            {
                string extension = format.ToString().ToLowerInvariant();
                html.Append(CultureInfo.InvariantCulture, $"<a class=\"export\" data-report=\"{source.Name}\" data-format=\"{extension}\" href=\"/analytics/reports/{source.Name}.{extension}{Encode(query)}\" download>{format.ToString().ToUpperInvariant()}</a>");
            }

            html.Append("</td></tr>");
        }

        html.Append(CultureInfo.InvariantCulture, $$"""
            </table></section></main>
            <script>
            const hotel = {{System.Text.Json.JsonSerializer.Serialize(filter.HotelId ?? string.Empty)}};
            const live = document.getElementById('live'), status = document.getElementById('live-status'), count = document.getElementById('live-count');
            let fresh = 0, opened = false;
            const events = new EventSource('/analytics/live');
            events.addEventListener('open', () => { opened = true; status.textContent = 'live'; });
            events.addEventListener('call', e => {
              const call = JSON.parse(e.data);
              if (hotel && call.hotelId !== hotel) return;
              const item = document.createElement('li');
              item.dataset.outcome = call.outcome;
              item.dataset.conversation = call.conversationId;
              const when = new Date(call.startedAt).toISOString().slice(0, 16).replace('T', ' ');
              item.textContent = `${when} · ${call.hotelId} · ${call.outcome}` + (call.amount != null ? ` ${call.amount} ${call.currency ?? ''}` : '') + ` · ${call.turns} turns`;
              live.prepend(item);
              while (live.children.length > {{LiveCallFeed.Recent}}) live.lastElementChild.remove();
              count.textContent = String(++fresh);
            });
            events.addEventListener('error', () => { status.textContent = opened ? 'reconnecting…' : 'connecting…'; });
            document.getElementById('replay').addEventListener('click', async () => {
              const response = await fetch('/analytics/replay' + (hotel ? '?hotel=' + encodeURIComponent(hotel) : ''), { method: 'POST' });
              status.textContent = response.ok ? 'live' : 'replay failed: ' + response.status;
            });
            </script></body></html>
            """);
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static string Tile(string id, string value, string label) => $"<div class=\"tile\" id=\"tile-{id}\"><b>{Encode(value)}</b><span>{Encode(label)}</span></div>";

    private static string Percent(double? ratio) => ratio is { } r ? r.ToString("P1", CultureInfo.InvariantCulture) : "–";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
