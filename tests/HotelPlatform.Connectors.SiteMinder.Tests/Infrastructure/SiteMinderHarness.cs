using HotelPlatform.Connectors.Events;
using HotelPlatform.Connectors.Simulators;
using HotelPlatform.Connectors.Simulators.SiteMinder;
using HotelPlatform.Connectors.SiteMinder;
using HotelPlatform.Connectors.SiteMinder.Distribution;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HotelPlatform.Connectors.SiteMinder.Tests.Infrastructure;

/// <summary>
/// A SiteMinder simulator on 127.0.0.1 and an application's service provider with one SiteMinder hotel registered from
/// the binding's settings (<c>AddPmsConnectors().AddSiteMinder(hotel, configuration)</c>), both on one fake clock.
/// </summary>
internal sealed class SiteMinderHarness : IAsyncDisposable
{
    public const string HotelId = "syd";
    public const string PushUsername = "siteminder-push";
    public const string PushPassword = "Push-Pa55word-2026";

    private readonly BoundSimulator _bound;

    private readonly IConfiguration _hotel;
    private readonly TimeProvider _applicationClock;

    private SiteMinderHarness(BoundSimulator bound, FakeTimeProvider clock, IConfiguration hotel, TimeProvider applicationClock)
    {
        _bound = bound;
        Clock = clock;
        _hotel = hotel;
        _applicationClock = applicationClock;
        Services = NewApplication();
    }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public SiteMinderSimulator Simulator => (SiteMinderSimulator)_bound.Simulator;

    public FakeTimeProvider Clock { get; }

    public ServiceProvider Services { get; }

    public int RequestCount => Simulator.Requests.Count;

    public IPmsConnector Connector => Services.GetRequiredKeyedService<IPmsConnector>(HotelId);

    public IPmsEventSource EventSource => Services.GetRequiredKeyedService<IPmsEventSource>(HotelId);

    public IPmsWebhookHandler WebhookHandler => Services.GetRequiredKeyedService<IPmsWebhookHandler>(HotelId);

    public ISiteMinderDistribution Distribution => Connector.GetService<ISiteMinderDistribution>()
        ?? throw new InvalidOperationException("The SiteMinder connector offers no ISiteMinderDistribution.");

    /// <summary>Starts the simulator and registers the hotel.</summary>
    /// <param name="simulator">Changes the simulator's SiteMinder settings.</param>
    /// <param name="overrides">Replaces hotel settings after the binding's (a wrong password, say).</param>
    /// <param name="realClockRetries">Gives the application the real clock, so that the pipeline's retry waits elapse (the simulator keeps the fake one).</param>
    public static async Task<SiteMinderHarness> StartAsync(Action<SiteMinderSimulatorOptions>? simulator = null, IReadOnlyDictionary<string, string?>? overrides = null, bool realClockRetries = false)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var empty = new ConfigurationBuilder().Build();
        var bound = await new SiteMinderSimulatorBinding(simulator).StartAsync(new SimulatorBindingContext(HotelId, empty) { Options = new SimulatorOptions { TimeProvider = clock } }, Ct);
        var hotel = new ConfigurationBuilder()
            .AddInMemoryCollection(bound.Settings)
            .AddInMemoryCollection([new("Push:Username", PushUsername), new("Push:Password", PushPassword)])
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();
        return new SiteMinderHarness(bound, clock, hotel, realClockRetries ? TimeProvider.System : clock);
    }

    /// <summary>Builds another application (another consumer process) with the same hotel against the same simulator.</summary>
    /// <returns>Its service provider; the caller disposes it.</returns>
    public ServiceProvider NewApplication()
    {
        var services = new ServiceCollection();
        services.AddSingleton(_applicationClock);
        services.AddLogging();
        services.AddPmsConnectors().AddSiteMinder(HotelId, _hotel);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _bound.DisposeAsync();
    }
}
