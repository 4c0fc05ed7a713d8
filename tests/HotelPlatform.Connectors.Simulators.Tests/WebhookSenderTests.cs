using System.Net;
using System.Net.Sockets;

namespace HotelPlatform.Connectors.Simulators.Tests;

public sealed class WebhookSenderTests : SimulatorTestBase
{
    [Fact]
    public async Task A_webhook_is_posted_to_a_loopback_subscriber_with_basic_auth_and_headers_and_recorded_as_delivered()
    {
        await using var subscriber = new TestPmsSimulator();
        await subscriber.StartAsync(Ct);
        var target = new WebhookTarget(new Uri(subscriber.BaseAddress, "hooks?token=abc"), "hook-user", "hook-pass");

        WebhookDelivery delivery = await Simulator.Webhooks.SendAsync(target, """{"topic":"Reservation","type":"created"}""", [new("apaleo-tracking-id", "T-1")], Ct);

        Assert.True(delivery.Succeeded);
        Assert.Equal(204, delivery.StatusCode);
        Assert.Equal("""{"topic":"Reservation","type":"created"}""", Assert.Single(subscriber.ReceivedHooks));
        RecordedRequest received = Assert.Single(subscriber.Requests);
        Assert.Equal("T-1", received.Headers["apaleo-tracking-id"]);
        Assert.Equal("abc", received.GetQueryValue("token"));
        Assert.StartsWith("application/json", received.ContentType, StringComparison.Ordinal);
        Assert.Equal("Basic [redacted]", delivery.Headers["Authorization"]);
        Assert.Same(delivery, Assert.Single(Simulator.Webhooks.Deliveries));
        Assert.Equal(Start, delivery.SentAt);
    }

    [Fact]
    public async Task A_subscriber_refusing_the_delivery_is_recorded_as_failed_with_its_status()
    {
        await using var subscriber = new TestPmsSimulator();
        await subscriber.StartAsync(Ct);

        WebhookDelivery delivery = await Simulator.Webhooks.SendAsync(new WebhookTarget(new Uri(subscriber.BaseAddress, "hooks")), "{}", cancellationToken: Ct);

        Assert.False(delivery.Succeeded);
        Assert.Equal(401, delivery.StatusCode);
        Assert.Empty(subscriber.ReceivedHooks);
    }

    [Fact]
    public async Task A_subscriber_that_is_not_listening_is_recorded_as_failed_not_thrown()
    {
        // Take a free port and release it, so nothing listens there.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        WebhookDelivery delivery = await Simulator.Webhooks.SendAsync(new WebhookTarget(new Uri($"http://127.0.0.1:{port}/hooks")), "{}", cancellationToken: Ct);

        Assert.False(delivery.Succeeded);
        Assert.Null(delivery.StatusCode);
        Assert.NotNull(delivery.Error);
        Assert.Single(Simulator.Webhooks.Deliveries);
    }

    [Theory]
    [InlineData("http://192.0.2.10/hooks")]
    [InlineData("http://10.0.0.1/hooks")]
    [InlineData("https://example.com/hooks")]
    [InlineData("http://localhost.example.com/hooks")]
    [InlineData("ftp://127.0.0.1/hooks")]
    public async Task A_target_off_this_machine_is_refused_before_anything_is_sent(string url)
    {
        ArgumentException refused = await Assert.ThrowsAsync<ArgumentException>(
            () => Simulator.Webhooks.SendAsync(new WebhookTarget(new Uri(url)), "{}", cancellationToken: Ct));

        Assert.Contains(url.Split('/')[2], refused.Message, StringComparison.Ordinal);
        Assert.Empty(Simulator.Webhooks.Deliveries);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/x")]
    [InlineData("http://127.5.6.7/x")]
    [InlineData("http://[::1]:5000/x")]
    [InlineData("https://localhost/x")]
    public void Loopback_targets_are_allowed(string url) => WebhookSender.EnsureLoopback(new Uri(url));
}
