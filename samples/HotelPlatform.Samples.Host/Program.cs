using System.Text.Json.Serialization;
using HotelPlatform.Connectors;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Apaleo;
using HotelPlatform.Connectors.Simulators.SiteMinder;
using HotelPlatform.Connectors.Simulators.Cloudbeds;
using HotelPlatform.Connectors.Simulators.Opera;
using HotelPlatform.Connectors.Simulators.Mews;
using HotelPlatform.Connectors.Webhooks;
using HotelPlatform.Connectors.Mirror;
using HotelPlatform.Connectors.GuestSync;
using HotelPlatform.Samples.Host;
using HotelPlatform.Samples.Host.Analytics;
using HotelPlatform.Samples.Host.Operations;
using HotelPlatform.Samples.Host.Operations.Configuration;

var builder = WebApplication.CreateBuilder(args);

// Hotels marked "Embedded": true talk to an in-process vendor simulator (no credentials, no network), started first
// when the host starts and disposed by the container when it stops.
// Each vendor simulator package brings a binding; a hotel's "Embedded" works for every vendor registered here.
builder.Services.AddSingleton<ISimulatorBinding, ApaleoSimulatorBinding>();
builder.Services.AddSingleton<ISimulatorBinding, SiteMinderSimulatorBinding>();
builder.Services.AddSingleton<ISimulatorBinding, CloudbedsSimulatorBinding>();
builder.Services.AddSingleton<ISimulatorBinding, OperaSimulatorBinding>();
builder.Services.AddSingleton<ISimulatorBinding, MewsSimulatorBinding>();
builder.Services.AddSingleton(sp => new EmbeddedSimulators(builder.Configuration, sp.GetServices<ISimulatorBinding>()));
builder.Services.AddHostedService(sp => sp.GetRequiredService<EmbeddedSimulators>());

// Operators' hotel changes from /ops/configuration (hotels.managed.json beside the inbox), layered over appsettings (docs/operations.md).
builder.AddOpsConfiguration();

// Hotels come from configuration ("Hotels" section): each names its vendor and the vendor's settings.
builder.Services.AddPmsConnectors()
    .AddInMemoryVendor()
    .AddApaleoVendor()
    .AddSiteMinderVendor()
    .AddCloudbedsVendor()
    .AddOperaVendor()
    .AddMewsVendor()
    .ConfigureTelemetry(o => o.IncludeHotelInMetrics = true) // a handful of hotels: the /ops page shows each one (docs/operations.md)
    .AllowConfigurationKeys("Embedded", "Name", "TimeZone", "Currency") // read by EmbeddedSimulators to seed a simulator, not by the vendor's options
    .AddFromConfiguration(builder.Configuration.GetSection("Hotels"));

builder.Services.AddHealthChecks().AddPmsHealthChecks();

// Webhooks: deliveries to /webhooks/{hotelId} are verified by the hotel's vendor handler and committed to a durable
// SQLite inbox (Webhooks:Inbox, relative to the content root) before the 2xx; SampleEventHandler runs afterwards.
// The embedded simulators deliver their webhooks here (EmbeddedWebhookSubscriptions).
var inboxPath = Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["Webhooks:Inbox"] ?? PmsWebhooksServiceCollectionExtensions.DefaultSqliteFile);
builder.Services.AddPmsWebhooks(o => builder.Configuration.GetSection("Webhooks").Bind(o))
    .UseSqlite(inboxPath)
    .AddEventHandler<SampleEventHandler>()
    .AddGuestSync(o => builder.Configuration.GetSection("GuestSync").Bind(o)) // reservation events sync their guest across the chain; off in appsettings.json (docs/guest-sync.md)
    .AddReservationMirror().UseSqlite(Path.Combine(Path.GetDirectoryName(inboxPath)!, "pms-mirror.db")); // docs/mirror.md
builder.Services.AddSingleton<EmbeddedWebhookSubscriptions>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<EmbeddedWebhookSubscriptions>());
builder.Services.AddHealthChecks().AddCheck<EmbeddedWebhookSubscriptions>(EmbeddedWebhookSubscriptions.HealthCheckName, tags: ["webhooks"]); // Degraded until the simulators deliver here

// Conversation analytics: /analytics (SGD dialogues replayed through the hotels on first run; see docs/analytics.md).
builder.Services.AddAnalyticsDashboard(builder.Configuration, builder.Environment);

// Management status page /ops behind sign-in (alerts, SLA, quota), Prometheus scrape endpoint /metrics (docs/operations.md).
builder.Services.AddOpsDashboard(builder.Configuration, Path.GetDirectoryName(inboxPath)!); // alerts kept beside the inbox

// Statuses and other enums read as words in the JSON API ("Confirmed", not 1).
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

var app = builder.Build();

app.MapHealthChecks("/health", HealthEndpoint.Options);
app.MapSampleEndpoints();
app.MapPmsWebhooks(EmbeddedWebhookSubscriptions.WebhookPrefix);
app.MapWebhookPages();
app.MapAnalyticsDashboard();
app.MapMirrorEndpoints();
app.MapConnectorCatalog();
app.MapOpsDashboard();
app.MapOpsConfiguration();

await app.RunAsync();

/// <summary>The entry point; public so integration tests can host it with WebApplicationFactory-style hosting.</summary>
public partial class Program;
