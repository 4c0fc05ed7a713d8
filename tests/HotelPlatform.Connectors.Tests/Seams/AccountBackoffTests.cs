using System.Net;
using System.Net.Http.Headers;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HotelPlatform.Connectors.Tests.Seams;

/// <summary>After a vendor 429 the whole account waits out the Retry-After, not just the request that received it.</summary>
public sealed class AccountBackoffTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A vendor that refuses one request with 429 + Retry-After and keeps refusing every request that arrives before the wait is over.</summary>
    private sealed class Limited(TimeProvider clock, TimeSpan window)
    {
        private readonly Lock _gate = new();
        private DateTimeOffset? _until;

        public int Refused { get; private set; }

        public HttpResponseMessage Answer(int index)
        {
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                if (index == 0 || (_until is { } until && now < until))
                {
                    _until ??= now + window;
                    Refused++;
                    var limited = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
                    limited.Headers.RetryAfter = new RetryConditionHeaderValue(window);
                    return limited;
                }

                return TestHttpHandler.Json(HttpStatusCode.OK, "{}");
            }
        }
    }

    [Fact]
    public async Task A_burst_of_50_calls_against_a_server_that_answers_one_429_gets_no_second_429()
    {
        var window = TimeSpan.FromSeconds(2);
        Limited? vendor = null;
        var api = new TestHttpHandler((_, i) => vendor!.Answer(i));
        await using var harness = PipelineHarness.Create(api, PipelineHarness.Options());
        vendor = new Limited(harness.Time, window);
        var client = harness.Client();

        var first = client.GetAsync("rooms", Ct);
        await harness.Time.WaitForTimerAsync(d => d == window);
        var burst = Enumerable.Range(0, 49).Select(_ => client.GetAsync("rooms", Ct)).ToList();

        // Everyone waits for the same pause: nothing reaches the vendor until it is over.
        await harness.Time.WaitForTimerAsync(d => d > TimeSpan.Zero && d <= window, skip: 49);
        Assert.Equal(1, api.Count);

        harness.Time.Advance(window);
        var responses = await Task.WhenAll(burst.Prepend(first)).Within();

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, vendor.Refused);
        Assert.Equal(51, api.Count);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Hotels_of_another_account_are_not_paused()
    {
        var window = TimeSpan.FromSeconds(2);
        var api = new TestHttpHandler((request, _) =>
        {
            if (request.Uri.AbsolutePath.Contains("limited", StringComparison.Ordinal))
            {
                var limited = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
                limited.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromMinutes(5));
                return limited;
            }

            return TestHttpHandler.Json(HttpStatusCode.OK, "{}");
        });
        await using var harness = PipelineHarness.Create(services =>
        {
            var a = PipelineHarness.Options("a");
            a.AccountKey = "acme:account-a";
            var b = PipelineHarness.Options("b");
            b.AccountKey = "acme:account-b";
            services.AddPmsHttpClient("acme:a", _ => a).ConfigurePrimaryHttpMessageHandler(() => api);
            services.AddPmsHttpClient("acme:b", _ => b).ConfigurePrimaryHttpMessageHandler(() => api);
            services.AddPmsHttpClient("acme:a2", _ =>
            {
                var sameAccount = PipelineHarness.Options("a2");
                sameAccount.AccountKey = "acme:account-a";
                return sameAccount;
            }).ConfigurePrimaryHttpMessageHandler(() => api);
        });

        using var refused = await harness.Client("acme:a").GetAsync("limited", Ct).Within();
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);

        // Another hotel of the same account is refused locally, with the remaining wait, without a request.
        var paused = await Assert.ThrowsAsync<PmsRateLimitedException>(() => harness.Client("acme:a2").GetAsync("rooms", Ct).Within());
        Assert.Equal(TimeSpan.FromMinutes(5), paused.RetryAfter);
        Assert.Equal(1, api.Count);

        using var other = await harness.Client("acme:b").GetAsync("rooms", Ct).Within();
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(2, api.Count);
    }
}
