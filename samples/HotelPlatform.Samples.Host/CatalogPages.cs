using System.Globalization;
using System.Net;
using System.Text;
using HotelPlatform.Connectors;
using HotelPlatform.Connectors.Catalog;

namespace HotelPlatform.Samples.Host;

/// <summary>
/// The connector catalog of the vendors this host registered: <c>/api/catalog</c> (JSON, the same shape as
/// <c>hotelpms catalog --json</c>), <c>/api/catalog/{vendor}</c>, and <c>/catalog</c>, a "choose your PMS" page that
/// compares the connectors and filters them by the capabilities an application needs. Certifications are read from the
/// folder in <c>Catalog:Certifications</c> (relative to the content root), where the live contract kit's JSON results are.
/// </summary>
internal static class CatalogPages
{
    public static IEndpointRouteBuilder MapConnectorCatalog(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/catalog", (IServiceProvider services, IConfiguration configuration, IWebHostEnvironment environment) =>
            Results.Text(Catalog(services, configuration, environment).ToJson(), "application/json; charset=utf-8"));
        app.MapGet("/api/catalog/{vendor}", (string vendor, IServiceProvider services, IConfiguration configuration, IWebHostEnvironment environment) =>
            Catalog(services, configuration, environment).Find(vendor) is { } entry
                ? Results.Json(entry)
                : Results.Problem($"No connector package for vendor '{vendor}' is registered in this host.", statusCode: StatusCodes.Status404NotFound));
        app.MapGet("/catalog", (IServiceProvider services, IConfiguration configuration, IWebHostEnvironment environment) =>
            Results.Content(ComparisonPage(Catalog(services, configuration, environment)), "text/html; charset=utf-8"));
        return app;
    }

    private static PmsConnectorCatalog Catalog(IServiceProvider services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var folder = configuration["Catalog:Certifications"];
        return PmsConnectorCatalog.FromServices(services, string.IsNullOrWhiteSpace(folder) ? null : Path.Combine(environment.ContentRootPath, folder));
    }

    private static string ComparisonPage(PmsConnectorCatalog catalog)
    {
        var capabilities = Enum.GetValues<ConnectorCapabilities>().Where(c => c is not ConnectorCapabilities.None and not ConnectorCapabilities.All).ToArray();
        var html = new StringBuilder("""
            <!doctype html><html><head><meta charset="utf-8"><title>Choose your PMS</title><link rel="icon" href="data:,">
            <style>body{font-family:sans-serif}td,th{border:1px solid #ccc;padding:2px 6px;vertical-align:top}table{border-collapse:collapse}
            tr[hidden]{display:none}.yes{color:#060}.no{color:#a00}fieldset{columns:4}</style></head><body>
            <h1>Choose your PMS</h1>
            <p>Tick what your application needs; connectors that lack any of it are hidden.</p>
            <form id="needs"><fieldset><legend>Capabilities</legend>
            """);
        foreach (var capability in capabilities)
        {
            html.Append(CultureInfo.InvariantCulture, $"<label><input type=\"checkbox\" name=\"need\" value=\"{capability}\"> {capability}</label><br>");
        }

        html.Append("</fieldset></form><p id=\"matches\" role=\"status\"></p><table id=\"connectors\"><thead><tr><th>Vendor</th><th>Package</th><th>Capabilities</th><th>Missing</th><th>Features</th><th>Authentication</th><th>Rate limits</th><th>Regions</th><th>Vendor API</th><th>Certification</th><th>Docs</th></tr></thead><tbody>");
        foreach (var entry in catalog.Entries)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr data-vendor=\"{Encode(entry.Vendor)}\" data-capabilities=\"{Encode(string.Join(' ', entry.CapabilityNames))}\">")
                .Append(CultureInfo.InvariantCulture, $"<td>{Encode(entry.DisplayName)}</td><td>{Encode(entry.Package)} {Encode(entry.Version)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"yes\">{Encode(string.Join(", ", entry.CapabilityNames))}</td><td class=\"no\">{Encode(string.Join(", ", entry.MissingCapabilityNames))}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{Encode(string.Join(", ", entry.Features))}</td><td>{Encode(string.Join(", ", entry.AuthKinds))}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{Encode(RateLimits(entry))}</td><td>{Encode(string.Join("; ", entry.Regions))}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{Encode(string.Join(", ", entry.ApiVersions.Select(a => $"{a.Api} {a.Version}")))}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"certification\">{Encode(Certification(entry))}</td><td><a href=\"{Encode(entry.Documentation.ToString())}\">docs</a></td></tr>");
        }

        html.Append("""
            </tbody></table>
            <script>
            const needs = document.getElementById('needs');
            const rows = [...document.querySelectorAll('#connectors tbody tr')];
            function filter() {
              const wanted = [...needs.querySelectorAll('input[name=need]:checked')].map(box => box.value);
              let shown = 0;
              for (const row of rows) {
                const has = row.dataset.capabilities.split(' ');
                row.hidden = !wanted.every(need => has.includes(need));
                if (!row.hidden) shown++;
              }
              document.getElementById('matches').textContent = `${shown} of ${rows.length} connectors match`;
            }
            needs.addEventListener('change', filter);
            filter();
            </script></body></html>
            """);
        return html.ToString();
    }

    private static string RateLimits(PmsCatalogEntry entry) =>
        entry.RateLimits.Count == 0
            ? "none documented"
            : string.Join("; ", entry.RateLimits.Select(l => string.Create(CultureInfo.InvariantCulture,
                $"{l.Requests} per {l.Per.TotalSeconds:0.##} s per {l.Scope}{(l.Burst is { } burst ? $", burst {burst}" : string.Empty)}")));

    private static string Certification(PmsCatalogEntry entry) => entry.Certification switch
    {
        null => "no live contract-kit result",
        { Certified: true } c when entry.Certified => $"certified ({c.Mode}, kit {c.KitVersion}, {c.CompletedAt:yyyy-MM-dd})",
        { Certified: true } c => $"certified version {c.ConnectorVersion}, not {entry.Version}",
        var c => $"not certified ({c.Areas.Sum(a => a.Failed)} failed, {c.LeftoverReservations} left behind)",
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
