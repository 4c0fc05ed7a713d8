using HotelPlatform.Connectors.Events;
using HotelPlatform.Connectors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Tests.Events;

/// <summary>A hotel's handler and source are keyed services named by the hotel id, registered by the vendor package after the hotel.</summary>
public sealed class EventRegistrationTests
{
    [Fact]
    public void A_hotels_handler_and_source_resolve_by_its_key_once_and_other_hotels_have_none()
    {
        var made = 0;
        var services = new ServiceCollection();
        services.AddPmsConnectors()
            .AddConnector("h1", "batchvendor", _ => new FakeConnector("batchvendor"))
            .AddConnector("h2", "batchvendor", _ => new FakeConnector("batchvendor"))
            .AddPmsWebhookHandler("h1", _ =>
            {
                made++;
                return new BatchTokenHandler("0123456789abcdef-token");
            })
            .AddPmsEventSource("h2", _ => new IdleSource());
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var handler = provider.GetRequiredKeyedService<IPmsWebhookHandler>("h1");

        Assert.Same(handler, provider.GetRequiredKeyedService<IPmsWebhookHandler>("h1"));
        Assert.Equal(1, made);
        Assert.Null(provider.GetKeyedService<IPmsWebhookHandler>("h2"));
        Assert.Null(provider.GetKeyedService<IPmsEventSource>("h1"));
        Assert.IsType<IdleSource>(provider.GetRequiredKeyedService<IPmsEventSource>("h2"));
    }

    [Fact]
    public void A_handler_for_a_hotel_that_is_not_registered_fails_naming_it()
    {
        var builder = new ServiceCollection().AddPmsConnectors();

        var exception = Assert.Throws<InvalidOperationException>(() => builder.AddPmsWebhookHandler("ghost", _ => new BatchTokenHandler("0123456789abcdef-token")));

        Assert.Contains("'ghost' is not registered", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_handler_or_source_for_one_hotel_fails()
    {
        var builder = new ServiceCollection().AddPmsConnectors()
            .AddConnector("h1", "batchvendor", _ => new FakeConnector("batchvendor"))
            .AddPmsWebhookHandler("h1", _ => new BatchTokenHandler("0123456789abcdef-token"))
            .AddPmsEventSource("h1", _ => new IdleSource());

        Assert.Contains("already has a webhook handler", Assert.Throws<InvalidOperationException>(() => builder.AddPmsWebhookHandler("h1", _ => new BatchTokenHandler("x"))).Message, StringComparison.Ordinal);
        Assert.Contains("already has an event source", Assert.Throws<InvalidOperationException>(() => builder.AddPmsEventSource("h1", _ => new IdleSource())).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => builder.AddPmsEventSource("bad key!", _ => new IdleSource()));
    }

    /// <summary>A source that is only registered, never polled, in these tests.</summary>
    private sealed class IdleSource : IPmsEventSource
    {
        public string Vendor => "batchvendor";

        public PmsEventSourceDelivery Delivery => PmsEventSourceDelivery.RedeliveredUntilAcknowledged;

        public TimeSpan PollInterval => TimeSpan.FromMinutes(2);

        public ValueTask<PmsEventBatch> PollAsync(string? checkpoint, CancellationToken cancellationToken = default) => ValueTask.FromResult(new PmsEventBatch([], checkpoint));

        public ValueTask AcknowledgeAsync(PmsEventBatch batch, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }
}
