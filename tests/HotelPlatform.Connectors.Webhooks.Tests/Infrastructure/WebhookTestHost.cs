using System.Net.Http.Headers;
using System.Text;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.Apaleo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace HotelPlatform.Connectors.Webhooks.Tests.Infrastructure;

/// <summary>
/// An ASP.NET Core host on 127.0.0.1:0 with one Apaleo hotel (<c>muc</c>) talking to the Apaleo simulator on
/// loopback, <c>MapPmsWebhooks("/webhooks")</c>, the inbox (a fresh SQLite file unless a store is given), a recording
/// event handler and a fake clock. Background dispatch, polling and reconciliation are off: tests run rounds themselves.
/// </summary>
internal sealed class WebhookTestHost : IAsyncDisposable
{
    public const string HotelId = "muc";
    public const string Secret = "0123456789abcdef-webhook-secret";

    private readonly WebApplication _app;
    private readonly string? _sqliteFolder;

    private WebhookTestHost(WebApplication app, ApaleoSimulator simulator, string? sqliteFolder)
    {
        _app = app;
        _sqliteFolder = sqliteFolder;
        Simulator = simulator;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public ApaleoSimulator Simulator { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public IPmsEventInbox Inbox => Services.GetRequiredService<IPmsEventInbox>();

    public PmsEventDispatcher Dispatcher => Services.GetRequiredService<PmsEventDispatcher>();

    public FakeTimeProvider Clock => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();

    public EventLog Handled => Services.GetRequiredService<EventLog>();

    public IPmsConnector Connector => Services.GetRequiredService<IPmsConnectorRegistry>().Get(HotelId);

    public Uri EndpointWithSecret => new(BaseAddress, $"/webhooks/{HotelId}?token={Secret}");

    public static async Task<WebhookTestHost> StartAsync(Action<PmsWebhooksOptions>? configure = null, Action<PmsWebhooksBuilder>? store = null, Action<WebApplication>? map = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var hotel = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["PropertyId"] = "MUC" }).Build();
        var bound = await new ApaleoSimulatorBinding().StartAsync(new SimulatorBindingContext(HotelId, hotel) { Options = new SimulatorOptions { TimeProvider = clock, EnforceRateLimits = false } }, TestContext.Current.CancellationToken);
        var settings = bound.ToConfiguration("Hotels:muc").ToDictionary(p => p.Key, p => p.Value);
        settings["Hotels:muc:Webhook:UrlSecret"] = Secret;

        // The connector paces requests on the clock; a fake clock that never moves would never refill the bucket: pacing off.
        (settings["Hotels:muc:RequestsPerSecond"], settings["Hotels:muc:RequestBurst"]) = ("0", "1000");

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<EventLog>();
        builder.Services.AddPmsConnectors().AddApaleo(HotelId, builder.Configuration.GetSection("Hotels:muc"));
        var webhooks = builder.Services.AddPmsWebhooks(o =>
        {
            (o.DispatchEnabled, o.PollingEnabled, o.ReconciliationInterval) = (false, false, null);
            configure?.Invoke(o);
        }).AddEventHandler<RecordingEventHandler>();
        string? folder = null;
        if (store is null)
        {
            folder = Directory.CreateTempSubdirectory("pms-inbox-").FullName;
            webhooks.UseSqlite(Path.Combine(folder, "inbox.db"));
        }
        else
        {
            store(webhooks);
        }

        var app = builder.Build();
        app.MapPmsWebhooks("/webhooks");
        map?.Invoke(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new WebhookTestHost(app, (ApaleoSimulator)bound.Simulator, folder);
    }

    /// <summary>An Apaleo delivery as the webhook service sends it.</summary>
    public static string ApaleoDelivery(string type, string reservationId, string? eventId = null, DateTimeOffset? at = null) =>
        $$$"""{"topic":"Reservation","type":"{{{type}}}","id":"{{{eventId ?? Guid.NewGuid().ToString()}}}","accountId":"DEMO","propertyId":"MUC","timestamp":{{{(at ?? new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero)).ToUnixTimeMilliseconds()}}},"data":{"entityId":"{{{reservationId}}}"}}""";

    public async Task<HttpResponseMessage> PostAsync(string body, Uri? endpoint = null)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await Client.PostAsync(endpoint ?? EndpointWithSecret, content, TestContext.Current.CancellationToken);
    }

    /// <summary>Books a stay twenty days ahead through the connector (the simulator stamps it with the fake clock's time).</summary>
    public async Task<Reservation> BookAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var property = await Connector.GetPropertyAsync(ct);
        var ratePlan = (await Connector.GetRatePlansAsync(ct)).First(r => r.RoomTypeIds.Count > 0);
        var arrival = property.LocalDate(Clock.GetUtcNow()).AddDays(20);
        var guest = new GuestProfile("Lovelace") { FirstName = "Ada", Email = "ada@example.com" };
        return await Connector.CreateReservationAsync(new ReservationDraft(arrival, arrival.AddDays(2), ratePlan.RoomTypeIds[0], ratePlan.VendorId, guest), ct);
    }

    /// <summary>Runs dispatch rounds until one finds nothing due.</summary>
    public async Task DrainAsync()
    {
        while (await Dispatcher.DispatchOnceAsync(TestContext.Current.CancellationToken) > 0)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        await Simulator.DisposeAsync();
        if (_sqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteFolder, recursive: true);
        }
    }
}
