using System.Net;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Tests.Infrastructure;

namespace HotelPlatform.Connectors.Tests.Http;

public sealed class ResilienceTests
{
    private static readonly TimeSpan Attempt = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Total = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static bool IsBackoff(TimeSpan due) => due != Attempt && due != Total && due > TimeSpan.Zero;

    [Fact]
    public async Task A_read_answered_503_is_retried_after_a_backoff_on_the_injected_clock_and_then_succeeds()
    {
        var api = new TestHttpHandler((_, i) => i == 0 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : TestHttpHandler.Json(HttpStatusCode.OK, "{}"));
        await using var harness = PipelineHarness.Create(api, PipelineHarness.Options());

        var call = harness.Client().GetAsync("rooms", Ct);
        var backoff = await harness.Time.WaitForTimerAsync(IsBackoff);
        Assert.Equal(1, api.Count);

        harness.Time.Advance(backoff);
        using var response = await call.Within();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, api.Count);
    }

    [Fact]
    public async Task A_read_answered_429_waits_exactly_the_Retry_After_and_then_succeeds()
    {
        var api = new TestHttpHandler((_, i) =>
        {
            if (i > 0)
            {
                return TestHttpHandler.Json(HttpStatusCode.OK, "{}");
            }

            var limited = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            limited.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
            return limited;
        });
        await using var harness = PipelineHarness.Create(api, PipelineHarness.Options());

        var call = harness.Client().GetAsync("rooms", Ct);
        await harness.Time.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(7));
        harness.Time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(1, api.Count);
        Assert.False(call.IsCompleted);

        harness.Time.Advance(TimeSpan.FromSeconds(1));
        using var response = await call.Within();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, api.Count);
    }

    [Fact]
    public async Task A_429_asking_for_a_longer_wait_than_allowed_is_returned_without_retrying()
    {
        var api = new TestHttpHandler((_, _) =>
        {
            var limited = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            limited.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMinutes(5));
            return limited;
        });
        await using var harness = PipelineHarness.Create(api, PipelineHarness.Options());

        using var response = await harness.Client().GetAsync("rooms", Ct).Within();

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(1, api.Count);
        var error = PmsHttpErrors.FromVendorError(PmsVendorError.FromResponse(response, "acme", "GetRoomTypes"));
        Assert.Equal(TimeSpan.FromMinutes(5), Assert.IsType<PmsRateLimitedException>(error).RetryAfter);
    }

    [Fact]
    public async Task A_read_that_keeps_failing_stops_after_the_configured_retries()
    {
        var api = new TestHttpHandler((_, _) => new HttpResponseMessage(HttpStatusCode.BadGateway));
        var options = PipelineHarness.Options();
        options.MaxRetryAttempts = 2;
        await using var harness = PipelineHarness.Create(api, options);

        var call = harness.Client().GetAsync("rooms", Ct);
        for (var retry = 0; retry < 2; retry++)
        {
            harness.Time.Advance(await harness.Time.WaitForTimerAsync(IsBackoff, skip: retry));
        }

        using var response = await call.Within();
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(3, api.Count);
    }

    [Fact]
    public async Task A_read_that_times_out_is_retried_and_then_succeeds()
    {
        var api = new TestHttpHandler(async (_, i, ct) =>
        {
            if (i == 0)
            {
                await Task.Delay(Timeout.Infinite, ct);
            }

            return TestHttpHandler.Json(HttpStatusCode.OK, "{}");
        });
        await using var harness = PipelineHarness.Create(api, PipelineHarness.Options());

        var call = harness.Client().GetAsync("rooms", Ct);
        await Eventually.HoldsAsync(() => api.Count == 1, "the first attempt reached the vendor");
        await harness.Time.WaitForTimerAsync(d => d == Attempt);
        harness.Time.Advance(Attempt);
        harness.Time.Advance(await harness.Time.WaitForTimerAsync(IsBackoff));

        using var response = await call.Within();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, api.Count);
    }

    [Fact]
    public async Task A_write_answered_503_is_not_retried()
    {
        var api = new TestHttpHandler((_, _) => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        await using var harness = PipelineHarness.Create(api, PipelineHarness.Options());

        using var response = await harness.Client().PostAsync("bookings", new StringContent("{}"), Ct).Within();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, api.Count);
        Assert.DoesNotContain(harness.Time.DueTimes, IsBackoff);
    }

    [Fact]
    public async Task A_write_that_times_out_after_sending_is_not_retried_and_surfaces_an_unknown_outcome()
    {
        var api = new TestHttpHandler(async (_, _, ct) =>
        {
            // Commit-then-timeout: the vendor has the request and never answers.
            await Task.Delay(Timeout.Infinite, ct);
            return new HttpResponseMessage(HttpStatusCode.Created);
        });
        await using var harness = PipelineHarness.Create(api, PipelineHarness.Options());

        var call = harness.Client().PostAsync("bookings", new StringContent("{}"), Ct);
        await Eventually.HoldsAsync(() => api.Count == 1, "the write reached the vendor");
        await harness.Time.WaitForTimerAsync(d => d == Attempt);
        harness.Time.Advance(Attempt);

        var error = await Assert.ThrowsAsync<PmsUnavailableException>(() => call.Within());
        Assert.True(error.OutcomeUnknown);
        Assert.Equal("acme", error.Vendor);
        Assert.IsType<Polly.Timeout.TimeoutRejectedException>(error.InnerException);
        Assert.Equal(1, api.Count);
    }

    [Fact]
    public async Task A_write_carrying_an_idempotency_key_is_retried()
    {
        var api = new TestHttpHandler((_, i) => i == 0 ? new HttpResponseMessage(HttpStatusCode.InternalServerError) : new HttpResponseMessage(HttpStatusCode.Created));
        await using var harness = PipelineHarness.Create(api, PipelineHarness.Options());
        using var request = new HttpRequestMessage(HttpMethod.Post, "bookings") { Content = new StringContent("{}") };
        request.Headers.Add("Idempotency-Key", "ref-1");

        var call = harness.Client().SendAsync(request, Ct);
        harness.Time.Advance(await harness.Time.WaitForTimerAsync(IsBackoff));
        using var response = await call.Within();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, api.Count);
        Assert.All(api.Requests, r => Assert.Equal("ref-1", r.Headers["Idempotency-Key"]));
        Assert.All(api.Requests, r => Assert.Equal("{}", r.Body));
    }

    [Fact]
    public async Task A_write_flagged_safe_to_retry_is_retried()
    {
        var api = new TestHttpHandler((_, i) => i == 0 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : new HttpResponseMessage(HttpStatusCode.OK));
        await using var harness = PipelineHarness.Create(api, PipelineHarness.Options());
        using var request = new HttpRequestMessage(HttpMethod.Post, "reservations/update") { Content = new StringContent("{}") };
        request.Options.Set(PmsHttpRequestOptions.SafeToRetry, true);

        var call = harness.Client().SendAsync(request, Ct);
        harness.Time.Advance(await harness.Time.WaitForTimerAsync(IsBackoff));
        using var response = await call.Within();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, api.Count);
    }

    [Fact]
    public async Task A_read_only_POST_is_retried_like_a_read_and_its_timeout_is_not_an_unknown_outcome()
    {
        var api = new TestHttpHandler(async (_, _, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var options = PipelineHarness.Options();
        options.MaxRetryAttempts = 1;
        await using var harness = PipelineHarness.Create(api, options);
        using var request = new HttpRequestMessage(HttpMethod.Post, "reservations/getAll") { Content = new StringContent("{}") };
        request.Options.Set(PmsHttpRequestOptions.ReadOnly, true);

        var call = harness.Client().SendAsync(request, Ct);
        await Eventually.HoldsAsync(() => api.Count == 1, "the first attempt reached the vendor");
        harness.Time.Advance(Attempt);
        harness.Time.Advance(await harness.Time.WaitForTimerAsync(IsBackoff));
        await Eventually.HoldsAsync(() => api.Count == 2, "the retry reached the vendor");
        await harness.Time.WaitForTimerAsync(d => d == Attempt, skip: 1);
        harness.Time.Advance(Attempt);

        var error = await Assert.ThrowsAsync<PmsUnavailableException>(() => call.Within());
        Assert.False(error.OutcomeUnknown);
        Assert.Equal(2, api.Count);
    }

    [Fact]
    public async Task A_write_whose_connection_could_not_be_opened_has_a_known_outcome()
    {
        var api = new TestHttpHandler((_, _, _) =>
            Task.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused")));
        await using var harness = PipelineHarness.Create(api, PipelineHarness.Options());

        var error = await Assert.ThrowsAsync<PmsUnavailableException>(() => harness.Client().PostAsync("bookings", new StringContent("{}"), Ct).Within());

        Assert.False(error.OutcomeUnknown);
        Assert.Equal(1, api.Count);
    }

    [Fact]
    public async Task A_write_whose_connection_dropped_after_sending_has_an_unknown_outcome()
    {
        var api = new TestHttpHandler((_, _, _) =>
            Task.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely")));
        await using var harness = PipelineHarness.Create(api, PipelineHarness.Options());

        var error = await Assert.ThrowsAsync<PmsUnavailableException>(() => harness.Client().PostAsync("bookings", new StringContent("{}"), Ct).Within());

        Assert.True(error.OutcomeUnknown);
        Assert.Equal(1, api.Count);
    }

    [Fact]
    public async Task The_callers_cancellation_is_passed_through_untranslated()
    {
        var api = new TestHttpHandler(async (_, _, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        await using var harness = PipelineHarness.Create(api, PipelineHarness.Options());
        using var cts = new CancellationTokenSource();

        var call = harness.Client().GetAsync("rooms", cts.Token);
        await Eventually.HoldsAsync(() => api.Count == 1, "the request reached the vendor");
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.Within());
        Assert.Equal(1, api.Count);
    }

    [Fact]
    public async Task A_client_cannot_get_the_pipeline_twice()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        var builder = services.AddPmsHttpClient("twice", _ => PipelineHarness.Options());

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddPmsHttpPipeline(_ => PipelineHarness.Options()));
        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Invalid_client_options_fail_with_messages_naming_the_client_and_setting()
    {
        var options = PipelineHarness.Options();
        options.BaseAddress = new Uri("ftp://127.0.0.1/");
        options.MaxRetryAttempts = 11;
        await using var harness = PipelineHarness.Create(new TestHttpHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK)), options);

        var error = Assert.Throws<InvalidOperationException>(() => harness.Client());

        Assert.Contains("PMS HTTP client 'acme:berlin': BaseAddress must be an absolute http or https address.", error.Message, StringComparison.Ordinal);
        Assert.Contains("PMS HTTP client 'acme:berlin': MaxRetryAttempts must be between 0 and 10.", error.Message, StringComparison.Ordinal);
    }
}
