using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace HotelPlatform.Samples.Host.Operations.Alerts;

/// <summary>Registers the alert engine (<c>Ops:Alerts</c>) and the SLA targets (<c>Ops:Sla</c>), and maps their JSON API (docs/operations.md).</summary>
internal static class OpsAlerts
{
    /// <summary>How many alerts the page and the API list (the open ones first).</summary>
    public const int RecentLimit = 50;

    /// <summary>Adds the options (validated when the host starts), the store in <paramref name="dataFolder"/>, the evaluator and the notifier.</summary>
    public static IServiceCollection AddOpsAlerts(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        services.AddSingleton<OpsAlertOptionsValidator>();
        services.AddSingleton<IValidateOptions<OpsAlertOptions>>(sp => sp.GetRequiredService<OpsAlertOptionsValidator>());
        services.AddSingleton<IValidateOptions<OpsSlaOptions>>(sp => sp.GetRequiredService<OpsAlertOptionsValidator>());
        services.AddOptions<OpsAlertOptions>().Bind(configuration.GetSection("Ops:Alerts")).ValidateOnStart();
        services.AddOptions<OpsSlaOptions>().Bind(configuration.GetSection("Ops:Sla")).ValidateOnStart();
        services.AddSingleton(sp => new OpsAlertStore(Path.Combine(dataFolder, sp.GetRequiredService<IOptions<OpsAlertOptions>>().Value.Store)));
        services.AddOpsAlertNotificationClient(configuration);
        services.AddSingleton<OpsAlertEvaluator>();
        services.AddHostedService(sp => sp.GetRequiredService<OpsAlertEvaluator>());
        services.AddSingleton<OpsAlertNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<OpsAlertNotifier>());
        services.AddSingleton<OpsSla>();
        return services;
    }

    /// <summary>
    /// The notification client: the standard resilience handler (its settings under <c>Ops:Alerts:Notify:Resilience</c>),
    /// and no request logging, because a notification address may carry its secret in the path (chat webhooks do).
    /// </summary>
    public static IHttpClientBuilder AddOpsAlertNotificationClient(this IServiceCollection services, IConfiguration configuration)
    {
        var client = services.AddHttpClient(OpsAlertNotifier.HttpClientName).RemoveAllLoggers();
        // Bound rather than passed as a section: the standard handler refuses an absent section, and the defaults are fine.
        client.AddStandardResilienceHandler(o => configuration.GetSection("Ops:Alerts:Notify:Resilience").Bind(o));
        return client;
    }

    public static IEndpointRouteBuilder MapOpsAlerts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/ops/api/alerts", (OpsAlertStore store, CancellationToken ct) => store.RecentAsync(RecentLimit, ct))
            .RequireAuthorization(OpsSignIn.ViewerPolicy);
        app.MapPost("/ops/api/alerts/{id:long}/acknowledge", async (long id, ClaimsPrincipal user, OpsAlertStore store, IOptions<OpsAlertOptions> options, TimeProvider time, CancellationToken ct) =>
            await store.AcknowledgeAsync(id, user.Identity?.Name ?? "unknown", time.GetUtcNow(), options.Value.Notify.Urls, ct) is { } alert
                ? Results.Ok(alert)
                : Results.Conflict(new { error = "There is no firing alert with this id: it is unknown, already acknowledged or resolved." }))
            .RequireAuthorization(OpsSignIn.AdminPolicy);

        // The addresses are left out: one may carry its secret in the path.
        app.MapGet("/ops/api/alerts/{id:long}/notifications", async (long id, OpsAlertStore store, CancellationToken ct) =>
            (await store.NotificationsAsync(id, ct)).Select(n => new
            {
                n.Event, host = n.Url.Host, n.Attempts, n.DeliveredAt, n.FailedAt, n.NextAttemptAt, n.LastError,
            }))
            .RequireAuthorization(OpsSignIn.ViewerPolicy);
        app.MapGet("/ops/api/sla", (OpsSla sla) => sla.Report()).RequireAuthorization(OpsSignIn.ViewerPolicy);
        return app;
    }
}
