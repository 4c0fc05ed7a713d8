using System.Globalization;
using System.Net;
using System.Net.ServerSentEvents;
using System.Security.Claims;
using System.Text;
using HotelPlatform.Connectors;
using HotelPlatform.Connectors.Webhooks;
using HotelPlatform.Samples.Host.Operations.Alerts;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;

namespace HotelPlatform.Samples.Host.Operations;

/// <summary>
/// The management status page <c>/ops</c> (sign-in required, docs/operations.md): every hotel's health, recent latency
/// percentiles, error and 429 rates, webhook backlog and dead letters, quota in use per vendor account, alerts (an admin
/// acknowledges them) and SLA compliance, updated live over server-sent events; and a
/// Prometheus scrape endpoint <c>/metrics</c> with the runtime's meter through OpenTelemetry's exporter.
/// </summary>
internal static class OpsDashboard
{
    /// <summary>The Prometheus scrape path.</summary>
    public const string MetricsPath = "/metrics";

    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration (<c>Ops</c>).</param>
    /// <param name="dataFolder">The folder of the host's files (the webhook inbox's), where the alert store is kept.</param>
    public static IServiceCollection AddOpsDashboard(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        services.AddOpsSignIn(configuration);
        services.AddSingleton<OpsMetricsAggregator>();
        services.AddSingleton<OpsHealthPublisher>();
        services.AddSingleton<IHealthCheckPublisher>(sp => sp.GetRequiredService<OpsHealthPublisher>());
        services.Configure<HealthCheckPublisherOptions>(o =>
        {
            o.Delay = TimeSpan.FromSeconds(1);
            o.Period = configuration.GetValue("Ops:HealthCheckPeriod", TimeSpan.FromSeconds(30));
        });
        services.AddSingleton<OpsStatus>();
        services.AddSingleton<OpsQuota>();
        services.AddOpsAlerts(configuration, dataFolder);
        services.AddOpenTelemetry().WithMetrics(m => m.AddMeter(PmsTelemetry.SourceName).AddPrometheusExporter());
        return services;
    }

    public static IEndpointRouteBuilder MapOpsDashboard(this IEndpointRouteBuilder app)
    {
        // Created with the host so that no operation before the first page view goes unheard.
        _ = app.ServiceProvider.GetRequiredService<OpsMetricsAggregator>();
        app.MapOpsSignIn();
        app.MapOpsAlerts();
        app.MapGet("/ops", Page).RequireAuthorization(OpsSignIn.ViewerPolicy);
        app.MapGet("/ops/api/status", (OpsStatus status, CancellationToken ct) => status.SnapshotAsync(ct)).RequireAuthorization(OpsSignIn.ViewerPolicy);
        app.MapGet("/ops/api/live", (OpsStatus status, CancellationToken ct) =>
            TypedResults.ServerSentEvents(status.WatchAsync(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10), ct)
                .Select(s => new SseItem<OpsStatusSnapshot>(s, "status"))))
            .RequireAuthorization(OpsSignIn.ViewerPolicy);
        app.MapGet("/ops/api/dead-letters", async (string? hotelId, IPmsEventInbox inbox, CancellationToken ct) =>
            (await inbox.ListAsync(hotelId, PmsInboxStatus.DeadLettered, OpsStatus.CountLimit, ct)).Select(i => new
            {
                id = i.Id, hotelId = i.Record.HotelId, eventType = i.Record.EventType, eventId = i.Record.EventId, failures = i.FailedAttempts, lastError = i.LastError,
            }))
            .RequireAuthorization(OpsSignIn.ViewerPolicy);
        app.MapPost("/ops/api/dead-letters/{id:long}/replay", async (long id, IPmsEventInbox inbox, TimeProvider time, CancellationToken ct) =>
            await inbox.ReplayAsync(id, time.GetUtcNow(), ct) ? Results.NoContent() : Results.NotFound())
            .RequireAuthorization(OpsSignIn.AdminPolicy);
        // Prometheus cannot sign in with a cookie: the scrape endpoint is left open and carries only the runtime's
        // metrics, which hold no personal data (PmsTelemetry); restrict it at the network where that is not enough.
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }

    private static IResult Page(ClaimsPrincipal user)
    {
        var admin = user.IsInRole(OpsSignIn.AdminRole);
        var html = new StringBuilder(
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>Operations</title><link rel=\"icon\" href=\"data:,\">" +
            "<style>body{font-family:system-ui,sans-serif;margin:1.5rem}table{border-collapse:collapse;margin-bottom:1.5rem}" +
            "th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:right}th:first-child,td:first-child,td.t{text-align:left}" +
            ".Healthy{background:#dff5e1}.firing{background:#f8d7da}.acknowledged{background:#fff3cd}.resolved{color:#666}.breach{background:#f8d7da}.Degraded{background:#fff3cd}.Unhealthy{background:#f8d7da}header{display:flex;gap:1rem;align-items:center}</style></head><body>");
        html.Append(
            $"<header><h1>Operations</h1><span id=\"who\">{WebUtility.HtmlEncode(user.Identity?.Name)} ({(admin ? OpsSignIn.AdminRole : OpsSignIn.ViewerRole)})</span>" +
            "<a href=\"/ops/configuration\">Configuration</a>" +
            "<form method=\"post\" action=\"/ops/signout\"><button>Sign out</button></form><span id=\"updated\"></span></header>");
        html.Append(CultureInfo.InvariantCulture, $"<h2>Alerts</h2><table id=\"alerts\" data-admin=\"{(admin ? "true" : "false")}\"><thead><tr><th>Rule</th><th>Subject</th><th>State</th><th>What</th><th>Fired</th><th>Acknowledged</th><th>Resolved</th><th></th></tr></thead><tbody></tbody></table>");
        html.Append("<h2>Hotels</h2><table id=\"hotels\"><thead><tr><th>Hotel</th><th>Vendor</th><th>Health</th><th>Since</th><th>Last success</th>" +
            "<th>Operations</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>Errors</th><th>429</th><th>Webhook backlog</th><th>Dead letters</th></tr></thead><tbody></tbody></table>");
        html.Append("<h2>Vendors</h2><table id=\"vendors\"><thead><tr><th>Vendor</th><th>Operations</th><th>Last success</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th>" +
            "<th>Errors</th><th>429</th></tr></thead><tbody></tbody></table>");
        html.Append("<h2>Quota in use</h2><table id=\"quota\"><thead><tr><th>Account</th><th>Vendor</th><th>In use</th><th>Free permits</th><th>Limit</th></tr></thead><tbody></tbody></table>");
        html.Append("<h2>SLA</h2><p id=\"sla-window\"></p><table id=\"sla\"><thead><tr><th>Hotel</th><th>Vendor</th><th>Availability</th><th>p95 ms</th><th>Errors</th><th>Operations</th><th>Compliant</th></tr></thead><tbody></tbody></table>");
        html.Append(CultureInfo.InvariantCulture, $"<h2>Dead letters</h2><table id=\"dead\" data-admin=\"{(admin ? "true" : "false")}\"><thead><tr><th>Id</th><th>Hotel</th><th>Event</th><th>Failures</th><th>Last error</th><th></th></tr></thead><tbody></tbody></table>");
        html.Append("<p>Percentiles and rates cover each hotel's last ").Append(OpsMetricsAggregator.Window.ToString(CultureInfo.InvariantCulture))
            .Append(" operations. Prometheus: <a href=\"").Append(MetricsPath).Append("\">").Append(MetricsPath).Append("</a>.</p>");
        html.Append(Script);
        html.Append("</body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    // Cells are filled with textContent only: hotel names, vendors and error texts never become markup.
    private const string Script = """
        <script>
        const ms = v => v == null ? '–' : v.toFixed(1);
        const pct = v => (v * 100).toFixed(1) + ' %';
        const at = v => v ? new Date(v).toLocaleTimeString() : '–';
        // A TimeSpan as JSON ("1.00:00:00", "00:05:00") in hours or minutes.
        const span = t => { const m = /^(?:(\d+)\.)?(\d+):(\d+):/.exec(t); if (!m) return t; const minutes = ((+(m[1] || 0)) * 24 + +m[2]) * 60 + +m[3]; return minutes % 60 === 0 ? minutes / 60 + ' h' : minutes + ' min'; };
        function row(table, cells, cls) {
          const tr = document.createElement('tr');
          if (cls) tr.className = cls;
          for (const [text, left] of cells) { const td = document.createElement('td'); td.textContent = text; if (left) td.className = 't'; tr.appendChild(td); }
          table.tBodies[0].appendChild(tr);
          return tr;
        }
        function render(s) {
          const hotels = document.getElementById('hotels'), vendors = document.getElementById('vendors');
          hotels.tBodies[0].replaceChildren(); vendors.tBodies[0].replaceChildren();
          for (const h of s.hotels) {
            const o = h.operations;
            const tr = row(hotels, [[h.hotel], [h.vendor, true], [h.health, true], [at(h.healthSince)], [at(o && o.lastSuccess)], [o ? o.operations : 0],
              [ms(o && o.p50Ms)], [ms(o && o.p95Ms)], [ms(o && o.p99Ms)], [pct(o ? o.errorRate : 0)], [pct(o ? o.rateLimitedRate : 0)],
              [h.webhookBacklog], [h.deadLetters]], h.health);
            tr.dataset.hotel = h.hotel;
          }
          for (const v of s.vendors) {
            row(vendors, [[v.vendor], [v.operations], [at(v.lastSuccess)], [ms(v.p50Ms)], [ms(v.p95Ms)], [ms(v.p99Ms)], [pct(v.errorRate)], [pct(v.rateLimitedRate)]]);
          }
          renderAlerts(s.alerts);
          const quota = document.getElementById('quota');
          quota.tBodies[0].replaceChildren();
          for (const q of s.quotas) {
            row(quota, [[q.account], [q.vendor, true], [pct(q.inUse)], [q.available], [q.limit]]).dataset.account = q.account;
          }
          loadSla();
          document.getElementById('updated').textContent = 'Updated ' + at(s.at);
          if (s.hotels.some(h => h.deadLetters > 0) || document.getElementById('dead').tBodies[0].children.length > 0) loadDeadLetters();
        }
        function renderAlerts(alerts) {
          const table = document.getElementById('alerts');
          table.tBodies[0].replaceChildren();
          for (const a of alerts) {
            const tr = row(table, [[a.rule, true], [a.subject, true], [a.state, true], [a.message, true], [at(a.firedAt)],
              [a.acknowledgedAt ? a.acknowledgedBy + ' ' + at(a.acknowledgedAt) : '–', true], [at(a.resolvedAt)]], a.state);
            tr.dataset.rule = a.rule; tr.dataset.subject = a.subject; tr.dataset.state = a.state;
            const td = document.createElement('td');
            if (table.dataset.admin === 'true' && a.state === 'firing') {
              const button = document.createElement('button');
              button.textContent = 'Acknowledge';
              button.onclick = async () => { await fetch('/ops/api/alerts/' + a.id + '/acknowledge', { method: 'POST' }); };
              td.appendChild(button);
            }
            tr.appendChild(td);
          }
        }
        let slaLoadedAt = 0;
        async function loadSla() {
          if (Date.now() - slaLoadedAt < 5000) return;
          slaLoadedAt = Date.now();
          const response = await fetch('/ops/api/sla');
          if (!response.ok) return;
          const report = await response.json(), table = document.getElementById('sla');
          const met = m => m.value == null ? '–' : (m.met ? '✓ ' : '✗ ');
          document.getElementById('sla-window').textContent = 'Over the last ' + span(report.window) + ' (targets after each value).';
          table.tBodies[0].replaceChildren();
          for (const h of report.hotels) {
            row(table, [[h.hotel], [h.vendor, true],
              [met(h.availability) + (h.availability.value == null ? '' : pct(h.availability.value)) + ' (≥ ' + pct(h.availability.target) + ')'],
              [met(h.latencyP95Ms) + ms(h.latencyP95Ms.value) + ' (≤ ' + h.latencyP95Ms.target + ')'],
              [met(h.errorRate) + (h.errorRate.value == null ? '' : pct(h.errorRate.value)) + ' (≤ ' + pct(h.errorRate.target) + ')'],
              [h.operations], [h.compliant ? 'yes' : 'no']], h.compliant ? '' : 'breach').dataset.hotel = h.hotel;
          }
        }
        async function loadDeadLetters() {
          const table = document.getElementById('dead');
          const response = await fetch('/ops/api/dead-letters');
          if (!response.ok) return;
          table.tBodies[0].replaceChildren();
          for (const d of await response.json()) {
            const tr = row(table, [[d.id], [d.hotelId, true], [d.eventType, true], [d.failures], [d.lastError || '', true]]);
            const td = document.createElement('td');
            if (table.dataset.admin === 'true') {
              const button = document.createElement('button');
              button.textContent = 'Replay';
              button.onclick = async () => { await fetch('/ops/api/dead-letters/' + d.id + '/replay', { method: 'POST' }); loadDeadLetters(); };
              td.appendChild(button);
            }
            tr.appendChild(td);
          }
        }
        const live = new EventSource('/ops/api/live');
        live.addEventListener('status', e => render(JSON.parse(e.data)));
        </script>
        """;
}
