using HotelPlatform.Connectors.Webhooks.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace HotelPlatform.Connectors.Webhooks;

/// <summary>Registers the webhook and event framework.</summary>
public static class PmsWebhooksServiceCollectionExtensions
{
    /// <summary>The default SQLite file, in the host's content root.</summary>
    public const string DefaultSqliteFile = "pms-inbox.db";

    /// <summary>
    /// Adds the inbox (SQLite <see cref="DefaultSqliteFile"/> in the content root unless
    /// <see cref="PmsWebhooksBuilder.UseSqlite"/> or another store is chosen), the receiver behind
    /// <see cref="PmsWebhookEndpointExtensions.MapPmsWebhooks"/>, and the hosted dispatcher, pollers and reconciliation.
    /// Hotels, their connectors and their webhook handlers come from <c>AddPmsConnectors()</c> and the vendor packages.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Adjusts the settings.</param>
    /// <returns>A builder for the store and the event handlers.</returns>
    public static PmsWebhooksBuilder AddPmsWebhooks(this IServiceCollection services, Action<PmsWebhooksOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<PmsWebhooksOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.MaxBodyBytes > 0 && o.MaxAttempts > 0 && o.DispatchBatchSize > 0 && o.MaxConcurrency > 0 && o.LeaseDuration > TimeSpan.Zero,
            "PmsWebhooksOptions: MaxBodyBytes, MaxAttempts, DispatchBatchSize, MaxConcurrency and LeaseDuration must be positive.");
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPmsEventInbox>(sp =>
            new SqlitePmsEventInbox(Path.Combine(sp.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory, DefaultSqliteFile)));
        services.TryAddSingleton<PmsInboxSignal>();
        services.TryAddSingleton<PmsInboxCommitter>();
        services.TryAddSingleton<PmsWebhookReceiver>();
        services.TryAddSingleton<PmsEventDispatcher>();
        services.TryAddSingleton<PmsEventSourcePoller>();
        services.TryAddSingleton<PmsReconciler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PmsEventDispatcherService>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PmsEventSourcePoller>(sp => sp.GetRequiredService<PmsEventSourcePoller>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PmsReconciliationService>());
        return new PmsWebhooksBuilder(services);
    }
}

/// <summary>Chooses the inbox store and adds event handlers.</summary>
public sealed class PmsWebhooksBuilder
{
    internal PmsWebhooksBuilder(IServiceCollection services) => Services = services;

    /// <summary>Gets the services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Stores the inbox in a SQLite file (WAL, durable commits): the embedded default, for one host.</summary>
    /// <param name="path">The file; relative paths are relative to the working directory.</param>
    /// <returns>The builder.</returns>
    public PmsWebhooksBuilder UseSqlite(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return UseInbox(_ => new SqlitePmsEventInbox(path));
    }

    /// <summary>Uses another inbox store (the PostgreSQL package's, for several hosts).</summary>
    /// <param name="factory">Makes the store, once.</param>
    /// <returns>The builder.</returns>
    public PmsWebhooksBuilder UseInbox(Func<IServiceProvider, IPmsEventInbox> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.Replace(ServiceDescriptor.Singleton(factory));
        return this;
    }

    /// <summary>Adds an event handler (scoped: one instance per event); every handler receives every event.</summary>
    /// <typeparam name="THandler">The handler type.</typeparam>
    /// <returns>The builder.</returns>
    public PmsWebhooksBuilder AddEventHandler<THandler>()
        where THandler : class, IPmsEventHandler
    {
        Services.TryAddEnumerable(ServiceDescriptor.Scoped<IPmsEventHandler, THandler>());
        return this;
    }
}
