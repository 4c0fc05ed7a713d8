using System.Net;
using System.Security.Claims;
using HotelPlatform.Connectors.Webhooks;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Configuration.Json;

namespace HotelPlatform.Samples.Host.Operations.Configuration;

/// <summary>
/// Configuration management on <c>/ops/configuration</c> (docs/operations.md, ADR 0035): hotels listed for every
/// management user, edited by admins with the runtime's start-up validation, secrets write-only, every change audited,
/// applied without a restart.
/// </summary>
internal static class OpsConfiguration
{
    /// <summary>The operators' changes, beside the webhook inbox (the sample's data folder).</summary>
    public const string FileName = "hotels.managed.json";

    /// <summary>The audit of the changes, beside <see cref="FileName"/>.</summary>
    public const string AuditFileName = "hotels.audit.jsonl";

    /// <summary>The request header carrying the antiforgery token of the page.</summary>
    public const string AntiforgeryHeader = "X-Ops-Antiforgery";

    public const string PagePath = "/ops/configuration";

    /// <summary>
    /// Layers <see cref="FileName"/> over the host's configuration (it wins over appsettings, and, once the host has
    /// started, over the embedded simulators' settings too) and registers the page's services.
    /// </summary>
    public static WebApplicationBuilder AddOpsConfiguration(this WebApplicationBuilder builder)
    {
        var inbox = Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["Webhooks:Inbox"] ?? PmsWebhooksServiceCollectionExtensions.DefaultSqliteFile);
        var folder = Path.GetDirectoryName(inbox)!;
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);

        // Reloaded by the page after each write (not by a file watcher), so the next call sees the change at once.
        builder.Configuration.AddJsonFile(source =>
        {
            source.Path = path;
            source.Optional = true;
            source.ReloadOnChange = false;
            source.ResolveFileProvider();
        });
        var layer = builder.Configuration.Sources[builder.Configuration.Sources.Count - 1];

        var services = builder.Services;
        services.AddSingleton(new OpsConfigurationFile(path));
        services.AddSingleton(new ConfigurationAudit(Path.Combine(folder, AuditFileName)));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ManagedHotelSettings>(sp, (IConfigurationRoot)builder.Configuration));
        services.AddHostedService(_ => new OpsConfigurationLayer(builder.Configuration, layer));
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "ops-antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapOpsConfiguration(this IEndpointRouteBuilder app)
    {
        app.MapGet(PagePath, Page).RequireAuthorization(OpsSignIn.ViewerPolicy);
        app.MapGet("/ops/api/configuration/hotels", (ManagedHotelSettings hotels) => hotels.List()).RequireAuthorization(OpsSignIn.ViewerPolicy);
        app.MapGet("/ops/api/configuration/audit", (ConfigurationAudit audit) => audit.Newest(200)).RequireAuthorization(OpsSignIn.ViewerPolicy);
        app.MapPut("/ops/api/configuration/hotels/{hotelId}", EditAsync).RequireAuthorization(OpsSignIn.AdminPolicy);
        return app;
    }

    private static async Task<IResult> EditAsync(string hotelId, HotelEdit edit, HttpContext context, IAntiforgery antiforgery, ManagedHotelSettings hotels)
    {
        // The cookie is SameSite=Strict already; the token proves the edit came from the page itself.
        if (!await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            return Results.Problem("The page's antiforgery token is missing or invalid: reload the page.", statusCode: StatusCodes.Status400BadRequest);
        }

        var user = context.User.Identity?.Name ?? "unknown";
        return await hotels.EditAsync(hotelId, edit, user, context.RequestAborted).ConfigureAwait(false) switch
        {
            HotelEditResult.Saved saved => Results.Ok(new { version = saved.Version, changed = saved.Changed }),
            HotelEditResult.Invalid invalid => Results.ValidationProblem(invalid.Errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), title: "The change was not saved: it would not pass the host's start-up validation."),
            HotelEditResult.Conflict conflict => Results.Problem(
                "The hotel was changed by someone else since this form was loaded; reload it and make the change again.",
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["version"] = conflict.CurrentVersion }),
            _ => Results.NotFound(),
        };
    }

    private static IResult Page(ClaimsPrincipal user, HttpContext context, IAntiforgery antiforgery)
    {
        var admin = user.IsInRole(OpsSignIn.AdminRole);
        var token = admin ? antiforgery.GetAndStoreTokens(context).RequestToken : null;
        var html = string.Concat(
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>Configuration</title><link rel=\"icon\" href=\"data:,\">",
            token is null ? string.Empty : $"<meta name=\"ops-antiforgery\" content=\"{WebUtility.HtmlEncode(token)}\">",
            "<style>body{font-family:system-ui,sans-serif;margin:1.5rem}header{display:flex;gap:1rem;align-items:center}",
            "form.hotel{border:1px solid #ccc;padding:.5rem 1rem;margin-bottom:1rem}table{border-collapse:collapse}td,th{padding:.2rem .5rem;text-align:left;border-bottom:1px solid #eee}",
            ".error{color:#a00}.saved{color:#070}.set{color:#070}.unset{color:#a60}input{min-width:22rem}</style></head><body>",
            $"<header><h1>Configuration</h1><span id=\"who\">{WebUtility.HtmlEncode(user.Identity?.Name)} ({(admin ? OpsSignIn.AdminRole : OpsSignIn.ViewerRole)})</span>",
            "<a href=\"/ops\">Status</a></header>",
            "<p>Changes are checked with the host's start-up validation, saved to ", FileName, " and used by the hotel's next call. ",
            "Secrets are never shown: type a new value to replace one. The vendor cannot change while the host runs.</p>",
            $"<div id=\"hotels\" data-admin=\"{(admin ? "true" : "false")}\"></div>",
            "<h2>Changes</h2><table id=\"audit\"><thead><tr><th>When</th><th>Who</th><th>Hotel</th><th>What</th></tr></thead><tbody></tbody></table>",
            Script,
            "</body></html>");
        return Results.Content(html, "text/html; charset=utf-8");
    }

    // Everything from the APIs is put on the page with textContent or as input values: nothing becomes markup.
    private const string Script = """
        <script>
        const admin = document.getElementById('hotels').dataset.admin === 'true';
        const token = document.querySelector('meta[name=ops-antiforgery]')?.content;
        function el(tag, props = {}, ...children) {
          const { dataset, ...rest } = props;
          const e = Object.assign(document.createElement(tag), rest);
          Object.assign(e.dataset, dataset || {}); // dataset itself cannot be assigned
          e.append(...children);
          return e;
        }
        function settingRow(key, value) {
          const cell = admin ? el('input', { name: 'setting:' + key, value }) : el('span', { textContent: value });
          return el('tr', {}, el('th', { textContent: key }), el('td', {}, cell), el('td', { className: 'error', role: 'alert' }, el('span', { dataset: { errorFor: key } })));
        }
        function secretRow(key, set) {
          const state = el('span', { className: set ? 'set' : 'unset', textContent: set ? 'set' : 'not set' });
          const cells = [state];
          if (admin) cells.push(' ', el('input', { name: 'secret:' + key, type: 'password', autocomplete: 'new-password', placeholder: 'type a new value to replace it' }));
          const row = el('tr', {}, el('th', { textContent: key }), el('td', {}, ...cells), el('td', { className: 'error', role: 'alert' }, el('span', { dataset: { errorFor: key } })));
          row.dataset.secret = key;
          return row;
        }
        function hotelForm(h) {
          const rows = el('tbody');
          for (const [key, value] of Object.entries(h.settings)) rows.append(settingRow(key, value));
          for (const [key, set] of Object.entries(h.secrets)) rows.append(secretRow(key, set));
          const form = el('form', { className: 'hotel' }, el('h2', { textContent: h.hotelId + ' ' }, el('small', { textContent: h.vendor })), el('table', {}, rows));
          form.dataset.hotel = h.hotelId;
          form.dataset.version = h.version;
          if (admin) {
            form.append(el('p', {}, 'Add a setting: ', el('input', { name: 'new-key', placeholder: 'key, e.g. TotalTimeout' }), ' ', el('input', { name: 'new-value', placeholder: 'value' })),
              el('p', {}, el('button', { type: 'submit', textContent: 'Save' }), ' ', el('span', { className: 'saved', role: 'status' }), el('span', { className: 'error form-error', role: 'alert', dataset: { errorFor: '' } })));
            form.addEventListener('submit', e => { e.preventDefault(); save(form); });
          }
          return form;
        }
        async function save(form) {
          const settings = {}, secrets = {};
          for (const input of form.querySelectorAll('input[name^="setting:"]')) settings[input.name.slice(8)] = input.value;
          for (const input of form.querySelectorAll('input[name^="secret:"]')) if (input.value) secrets[input.name.slice(7)] = input.value;
          const newKey = form.querySelector('input[name=new-key]').value.trim();
          if (newKey) settings[newKey] = form.querySelector('input[name=new-value]').value;
          for (const e of form.querySelectorAll('[data-error-for]')) e.textContent = '';
          form.querySelector('.saved').textContent = '';
          const response = await fetch('/ops/api/configuration/hotels/' + encodeURIComponent(form.dataset.hotel), {
            method: 'PUT', headers: { 'Content-Type': 'application/json', 'X-Ops-Antiforgery': token },
            body: JSON.stringify({ version: form.dataset.version, settings, secrets }) });
          const answer = await response.json().catch(() => ({}));
          if (response.ok) {
            await load();
            const saved = document.querySelector(`form[data-hotel="${form.dataset.hotel}"] .saved`);
            saved.textContent = answer.changed.length ? 'Saved and applied: ' + answer.changed.join(', ') : 'Nothing changed.';
            return;
          }
          const errors = answer.errors || { '': [answer.detail || answer.title || ('HTTP ' + response.status)] };
          for (const [key, messages] of Object.entries(errors)) {
            const target = [...form.querySelectorAll('[data-error-for]')].find(e => e.dataset.errorFor.toLowerCase() === key.toLowerCase()) || form.querySelector('.form-error');
            target.textContent += messages.join(' ');
          }
        }
        async function load() {
          const [hotels, audit] = await Promise.all([fetch('/ops/api/configuration/hotels'), fetch('/ops/api/configuration/audit')]);
          document.getElementById('hotels').replaceChildren(...(await hotels.json()).map(hotelForm));
          const body = document.querySelector('#audit tbody');
          body.replaceChildren(...(await audit.json()).map(a => el('tr', {}, el('td', { textContent: new Date(a.at).toLocaleString() }), el('td', { textContent: a.user }),
            el('td', { textContent: a.hotelId }), el('td', { textContent: a.changes.map(c => c.setting + ': ' + c.change).join('; ') }))));
        }
        load();
        </script>
        """;
}

/// <summary>
/// Keeps <see cref="OpsConfiguration.FileName"/> the top configuration layer once the embedded simulators have added
/// their settings (an operator's change of an embedded hotel's key must win over the key the simulator was seeded with).
/// Runs after <see cref="EmbeddedSimulators"/>: hosted services start in registration order.
/// </summary>
internal sealed class OpsConfigurationLayer(ConfigurationManager configuration, IConfigurationSource layer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var sources = configuration.Sources;
        if (!ReferenceEquals(sources[sources.Count - 1], layer) && layer is JsonConfigurationSource)
        {
            sources.Remove(layer);
            sources.Add(layer);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
