using System.Collections.Concurrent;
using HotelPlatform.Connectors.Events;
using HotelPlatform.Connectors.Webhooks.PostgreSql;
using HotelPlatform.Connectors.Webhooks.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Webhooks.Tests.Dispatch;

/// <summary>Several hosts on one PostgreSQL inbox: each event handled exactly once, each reservation's events in order.</summary>
public sealed class TwoHostsOnPostgreSqlTests
{
    private const int Events = 10_000;
    private const int EventsPerReservation = 10;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_hosts_on_one_inbox_handle_each_of_ten_thousand_events_exactly_once_and_in_order_per_reservation()
    {
        var connectionString = await PostgreSqlServer.CreateSchemaAsync();
        var handled = new ConcurrentQueue<(string Host, long InboxId, string ReservationId, string EventId)>();
        await using var hostA = Host("A", connectionString, handled);
        await using var hostB = Host("B", connectionString, handled);
        var inbox = hostA.GetRequiredService<IPmsEventInbox>();
        var receivedAt = DateTimeOffset.UtcNow;
        var records = Enumerable.Range(0, Events).Select(i =>
        {
            var reservationId = $"R{i % (Events / EventsPerReservation)}";
            var reservation = new Reservation(reservationId, "MUC", ReservationStatus.Confirmed, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 3), new GuestProfile("Guest"));
            var change = new ReservationModifiedEvent($"evt-{i}", PmsVendors.Apaleo, "MUC", receivedAt, reservationId);
            return PmsInboxPayload.ToRecord("muc", new PmsInboundEvent(change) { Reservation = reservation }, PmsEventOrigin.Poll, receivedAt);
        }).ToList();
        foreach (var chunk in records.Chunk(1000))
        {
            await inbox.AppendAsync(chunk, null, Ct);
        }

        await Task.WhenAll(DrainAsync(hostA), DrainAsync(hostB));

        var all = handled.ToList();
        Assert.Equal(Events, all.Count);
        Assert.Equal(Events, all.Select(h => h.EventId).Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(await inbox.ListAsync(null, PmsInboxStatus.Pending, 1, Ct));
        Assert.All(all.GroupBy(h => h.ReservationId), g => Assert.Equal(g.Select(h => h.InboxId).Order(), g.Select(h => h.InboxId)));
        Assert.All(all.GroupBy(h => h.Host), g => Assert.True(g.Count() > 0, $"host {g.Key} handled nothing"));
        Assert.Equal(2, all.Select(h => h.Host).Distinct(StringComparer.Ordinal).Count());
    }

    private static ServiceProvider Host(string name, string connectionString, ConcurrentQueue<(string, long, string, string)> handled)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPmsConnectors();
        services.AddSingleton(new HandledLog(name, handled));
        services.AddPmsWebhooks(o => o.MaxConcurrency = 4).UsePostgreSql(connectionString).AddEventHandler<LoggingHandler>();
        return services.BuildServiceProvider();
    }

    private static async Task DrainAsync(IServiceProvider host)
    {
        var dispatcher = host.GetRequiredService<PmsEventDispatcher>();
        var inbox = host.GetRequiredService<IPmsEventInbox>();

        // A round can find nothing due while the other host holds the last heads of their reservations: stop only when nothing is pending.
        while (await dispatcher.DispatchOnceAsync(Ct) > 0 || (await inbox.ListAsync(null, PmsInboxStatus.Pending, 1, Ct)).Count > 0)
        {
        }
    }

    private sealed record HandledLog(string Host, ConcurrentQueue<(string, long, string, string)> Handled);

    private sealed class LoggingHandler(HandledLog log) : IPmsEventHandler
    {
        public ValueTask HandleAsync(PmsEventContext context, CancellationToken cancellationToken)
        {
            log.Handled.Enqueue((log.Host, context.InboxId, context.Reservation!.VendorId, context.Event.EventId));
            return ValueTask.CompletedTask;
        }
    }
}
