using HotelPlatform.Connectors.SiteMinder.Distribution;
using HotelPlatform.Connectors.SiteMinder.Tests.Infrastructure;

namespace HotelPlatform.Connectors.SiteMinder.Tests.Connector;

/// <summary>What the connector declares, its health check, and how pmsXchange's answers become exceptions.</summary>
public sealed class ConnectorTests
{
    private static CancellationToken Ct => SiteMinderHarness.Ct;

    [Fact]
    public async Task The_health_check_pings_siteminder_and_reports_healthy()
    {
        await using var harness = await SiteMinderHarness.StartAsync();

        var report = await harness.Connector.CheckHealthAsync(Ct);

        Assert.Equal(PmsHealthStatus.Healthy, report.Status);
        var ping = Assert.Single(harness.Simulator.Requests);
        Assert.Contains("OTA_PingRQ", ping.Body, StringComparison.Ordinal);
        Assert.Empty(harness.Simulator.ValidationFailures);
    }

    [Fact]
    public async Task Only_events_are_declared_and_booking_calls_say_why_pmsxchange_cannot_make_them()
    {
        await using var harness = await SiteMinderHarness.StartAsync();
        var connector = harness.Connector;

        Assert.Equal(ConnectorCapabilities.Webhooks, connector.Capabilities);
        var create = await Assert.ThrowsAsync<PmsNotSupportedException>(() =>
            connector.CreateReservationAsync(new ReservationDraft(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 2), "DBL", "BAR", new GuestProfile("Doe")), Ct));
        Assert.Contains("does not create, modify or cancel bookings", create.Message, StringComparison.Ordinal);
        var guest = await Assert.ThrowsAsync<PmsNotSupportedException>(() => connector.GetGuestAsync("G1", Ct));
        Assert.Contains("keeps no guest profiles", guest.Message, StringComparison.Ordinal);
        var quote = await Assert.ThrowsAsync<PmsNotSupportedException>(() => connector.QuoteAsync(new QuoteRequest(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 2), 1), Ct));
        Assert.Contains("does not price stays", quote.Message, StringComparison.Ordinal);
        var read = await Assert.ThrowsAsync<PmsNotSupportedException>(() => connector.GetReservationAsync("EXP-1", Ct));
        Assert.Contains("Undelivered", read.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Simulator.Requests);
    }

    [Fact]
    public async Task A_wrong_password_is_siteminders_error_448_and_an_authentication_failure()
    {
        await using var harness = await SiteMinderHarness.StartAsync(overrides: new Dictionary<string, string?> { ["Password"] = "not-the-password" });

        var error = await Assert.ThrowsAsync<PmsAuthenticationException>(async () => await harness.EventSource.PollAsync(null, Ct));

        Assert.Equal("448", error.VendorErrorCode);
        Assert.Contains("Invalid Username and/or Password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", error.Message, StringComparison.Ordinal);
        Assert.Single(harness.Simulator.Requests);
    }

    [Fact]
    public async Task An_unknown_hotel_code_is_error_392_and_not_found()
    {
        await using var harness = await SiteMinderHarness.StartAsync(overrides: new Dictionary<string, string?> { ["PropertyId"] = "NOSUCHHOTEL" });

        var error = await Assert.ThrowsAsync<PmsNotFoundException>(async () => await harness.EventSource.PollAsync(null, Ct));

        Assert.Equal("392", error.VendorErrorCode);
        Assert.Equal("hotel", error.EntityType);
    }

    [Fact]
    public async Task A_soap_fault_is_a_definite_refusal_that_is_not_retried()
    {
        await using var harness = await SiteMinderHarness.StartAsync();
        var tooLarge = Enumerable.Range(0, 40_000).Select(i => new SiteMinderAvailability("DBL", new DateOnly(2026, 1, 1).AddDays(i), i % 2)).ToList();

        // A distribution that believed the limit were 8 MB: SiteMinder answers its one large message with a SOAP Fault.
        var distribution = (SiteMinderDistribution)harness.Distribution;
        distribution.MaxMessageBytes = 8 * 1024 * 1024;

        var error = await Assert.ThrowsAsync<PmsValidationException>(() => distribution.PushAvailabilityAsync(tooLarge, Ct));

        Assert.Equal("Client", error.VendorErrorCode);
        Assert.Contains("Payload too large", error.Message, StringComparison.Ordinal);
        Assert.Single(harness.Simulator.Requests);
        Assert.Empty(harness.Simulator.AriPushes);
    }
}
