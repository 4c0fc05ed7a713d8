using HotelPlatform.Connectors.Mirror.Sqlite;
using HotelPlatform.Connectors.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace HotelPlatform.Connectors.Mirror;

/// <summary>Adds the reservation mirror to the webhook framework.</summary>
public static class PmsMirrorWebhooksBuilderExtensions
{
    /// <summary>The default SQLite file, in the host's content root.</summary>
    public const string DefaultSqliteFile = "pms-mirror.db";

    /// <summary>The name of the mirror's health check.</summary>
    public const string HealthCheckName = "pms-mirror";

    /// <summary>
    /// Adds the reservation mirror: an event handler that applies every inbox event's reservation (webhooks, polled
    /// sources, reconciliation) to <see cref="IPmsReservationMirror"/> (SQLite <see cref="DefaultSqliteFile"/> in the
    /// content root unless another store is chosen), <see cref="PmsMirrorFreshnessReader"/>, <see cref="PmsMirrorBackfill"/>
    /// and the <see cref="HealthCheckName"/> health check (degraded, never unhealthy, when a hotel is stale).
    /// </summary>
    /// <param name="builder">The webhook framework's builder.</param>
    /// <param name="configure">Adjusts the freshness limits.</param>
    /// <returns>A builder for the mirror's store.</returns>
    public static PmsMirrorBuilder AddReservationMirror(this PmsWebhooksBuilder builder, Action<PmsMirrorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<PmsMirrorOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.MaxLag > TimeSpan.Zero && o.PendingScanLimit > 0 && (o.MaxReconciliationAge is null || o.MaxReconciliationAge > TimeSpan.Zero),
            "PmsMirrorOptions: MaxLag, PendingScanLimit and MaxReconciliationAge must be positive.");
        builder.Services.TryAddSingleton<IPmsReservationMirror>(sp =>
            new SqlitePmsReservationMirror(Path.Combine(sp.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory, DefaultSqliteFile)));
        builder.Services.TryAddSingleton<PmsMirrorFreshnessReader>();
        builder.Services.TryAddSingleton<PmsMirrorBackfill>();
        builder.AddEventHandler<PmsMirrorEventHandler>();
        builder.Services.AddHealthChecks().AddCheck<PmsMirrorHealthCheck>(HealthCheckName, HealthStatus.Degraded, [HealthCheckName]);
        return new PmsMirrorBuilder(builder.Services);
    }
}

/// <summary>Chooses the mirror's store.</summary>
public sealed class PmsMirrorBuilder
{
    internal PmsMirrorBuilder(IServiceCollection services) => Services = services;

    /// <summary>Gets the services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Stores the mirror in a SQLite file (WAL): the embedded default, for one host.</summary>
    /// <param name="path">The file; relative paths are relative to the working directory.</param>
    /// <returns>The builder.</returns>
    public PmsMirrorBuilder UseSqlite(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return UseStore(_ => new SqlitePmsReservationMirror(path));
    }

    /// <summary>Uses another store (the PostgreSQL package's, for several hosts).</summary>
    /// <param name="factory">Makes the store, once.</param>
    /// <returns>The builder.</returns>
    public PmsMirrorBuilder UseStore(Func<IServiceProvider, IPmsReservationMirror> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.Replace(ServiceDescriptor.Singleton(factory));
        return this;
    }
}
