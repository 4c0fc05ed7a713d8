using System.Net;
using HotelPlatform.Connectors.Apaleo.Tests.Infrastructure;
using WireMock.RequestBuilders;
using static HotelPlatform.Connectors.Apaleo.Tests.Infrastructure.ApaleoHarness;

namespace HotelPlatform.Connectors.Apaleo.Tests.Connector;

/// <summary>Apaleo's error answers become the right <see cref="PmsException"/>; reads are retried, refusals are not.</summary>
public sealed class ErrorTests
{
    private const string UnitGroups = "/inventory/v1/unit-groups";

    private static IRequestBuilder RoomTypes() => Request.Create().WithPath(UnitGroups).UsingGet();

    [Fact]
    public async Task A_429_asking_for_a_long_wait_is_returned_at_once_with_its_Retry_After()
    {
        await using var harness = Start();
        harness.Stub(RoomTypes(), Responses.Messages(429).WithHeader("Retry-After", "120"));

        var limited = await Assert.ThrowsAsync<PmsRateLimitedException>(() => harness.Connector.GetRoomTypesAsync(Ct));

        Assert.Equal((TimeSpan.FromSeconds(120), HttpStatusCode.TooManyRequests, "0HLHK2NSRGO68:00000002"), (limited.RetryAfter, limited.StatusCode, limited.VendorRequestId));
        Assert.Single(harness.Received(UnitGroups));
    }

    [Fact]
    public async Task A_429_without_Retry_After_reports_the_wait_until_Apaleos_rate_limit_reset_and_pauses_the_account()
    {
        await using var harness = Start();
        var reset = harness.Clock.GetUtcNow().AddMinutes(10);
        harness.Stub(RoomTypes(), Responses.Status(429).WithHeader("X-Rate-Limit-Reset", reset.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));

        var start = harness.Clock.GetUtcNow();
        var limited = await Assert.ThrowsAsync<PmsRateLimitedException>(() => harness.Clock.CompleteAsync(harness.Connector.GetRoomTypesAsync(Ct)));

        // The reset is further away than the pipeline waits: no retry that Apaleo would refuse again. (The test clock
        // moves by the limiter's refill ticks while the call runs, so the wait is bounded, not exact.)
        Assert.InRange(limited.RetryAfter!.Value, reset - harness.Clock.GetUtcNow(), reset - start);
        Assert.Single(harness.Received(UnitGroups));

        // The whole account waits for the reset: the next call is refused before it reaches Apaleo.
        var before = harness.Clock.GetUtcNow();
        var next = await Assert.ThrowsAsync<PmsRateLimitedException>(() => harness.Clock.CompleteAsync(harness.Connector.GetRoomTypesAsync(Ct)));
        Assert.InRange(next.RetryAfter!.Value, reset - harness.Clock.GetUtcNow(), reset - before);
        Assert.Single(harness.Received(UnitGroups));
    }

    [Fact]
    public async Task A_read_is_retried_through_a_passing_failure()
    {
        await using var harness = Start();
        harness.Sequence(RoomTypes, Responses.Status(503), Responses.Json("""{"unitGroups":[{"id":"MUC-DBL","name":"Double","memberCount":3}],"count":1}"""));

        var roomTypes = await harness.Clock.CompleteAsync(harness.Connector.GetRoomTypesAsync(Ct));

        Assert.Equal("MUC-DBL", Assert.Single(roomTypes).VendorId);
        Assert.Equal(2, harness.Received(UnitGroups).Count);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task A_read_that_keeps_failing_is_unavailable_after_the_retries(int status)
    {
        await using var harness = Start();
        harness.Stub(RoomTypes(), Responses.Status(status));

        var unavailable = await Assert.ThrowsAsync<PmsUnavailableException>(() => harness.Clock.CompleteAsync(harness.Connector.GetRoomTypesAsync(Ct)));

        Assert.Equal(((HttpStatusCode)status, false, true), (unavailable.StatusCode, unavailable.OutcomeUnknown, unavailable.IsTransient));
        Assert.Equal(4, harness.Received(UnitGroups).Count);
    }

    [Fact]
    public async Task An_unreachable_Apaleo_is_unavailable_and_a_cancellation_that_never_reached_it_has_a_known_outcome()
    {
        await using var harness = Start();
        await harness.Connector.GetPropertyAsync(Ct); // token and property are known
        harness.Server.Stop();

        var read = await Assert.ThrowsAsync<PmsUnavailableException>(() => harness.Clock.CompleteAsync(harness.Connector.GetRoomTypesAsync(Ct)));
        var write = await Assert.ThrowsAsync<PmsUnavailableException>(() => harness.Clock.CompleteAsync(harness.Connector.CancelReservationAsync("XPGMSXGF-1", cancellationToken: Ct)));

        Assert.Equal(("GetRoomTypes", false), (read.Operation, read.OutcomeUnknown));
        Assert.False(write.OutcomeUnknown);
    }

    [Fact]
    public async Task A_422_is_a_validation_failure_with_Apaleos_messages_and_field()
    {
        await using var harness = Start();
        harness.Stub(Request.Create().WithPath("/booking/v1/offers").UsingGet(), Responses.Messages(422, "Departure: Departure cannot be more than 5 years after arrival.", "Adults: The field Adults must be between 1 and 99."));

        var invalid = await Assert.ThrowsAsync<PmsValidationException>(() => harness.Connector.QuoteAsync(new QuoteRequest(new DateOnly(2025, 3, 12), new DateOnly(2031, 3, 14), 2), Ct));

        Assert.Equal(("Departure", "Quote", 2), (invalid.Field, invalid.Operation, invalid.Messages.Count));
        Assert.Single(harness.Received("/booking/v1/offers"));
    }

    [Fact]
    public async Task A_403_is_an_authentication_failure()
    {
        await using var harness = Start();
        harness.Stub(RoomTypes(), Responses.Status(403));

        var refused = await Assert.ThrowsAsync<PmsAuthenticationException>(() => harness.Connector.GetRoomTypesAsync(Ct));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Refused_client_credentials_are_an_authentication_failure_that_never_shows_the_secret()
    {
        await using var harness = Start();
        harness.Server.ResetMappings();
        harness.Stub(Request.Create().WithPath(TokenPath).UsingPost(), Responses.Json("""{"error":"invalid_client"}""", 400));

        var refused = await Assert.ThrowsAsync<PmsAuthenticationException>(() => harness.Connector.GetPropertyAsync(Ct));

        Assert.Equal("invalid_client", refused.VendorErrorCode);
        Assert.DoesNotContain(ClientSecret, refused.ToString(), StringComparison.Ordinal);
        Assert.Empty(harness.ApiRequests());
    }

    [Fact]
    public async Task A_health_check_reports_a_failure_instead_of_throwing()
    {
        await using var harness = Start();
        harness.Server.ResetMappings();
        harness.Stub(Request.Create().WithPath(TokenPath).UsingPost(), Responses.Token(AccessToken));
        harness.Stub(Request.Create().WithPath($"/inventory/v1/properties/{PropertyId}").UsingGet(), Responses.Status(404));

        var report = await harness.Connector.CheckHealthAsync(Ct);

        Assert.Equal(PmsHealthStatus.Unhealthy, report.Status);
        Assert.IsType<PmsNotFoundException>(report.Exception);
    }

    [Fact]
    public async Task The_callers_cancellation_is_a_cancellation_not_a_vendor_failure()
    {
        await using var harness = Start();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Connector.GetRoomTypesAsync(cancelled.Token));
    }
}
