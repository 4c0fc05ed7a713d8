using System.Net;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace HotelPlatform.Connectors.Tests.Http;

public sealed class DiagnosticsLoggingTests
{
    private const string GuestEmail = "jane.doe@example.com";
    private const string AccessToken = "tok-SECRET-4711";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Func<IServiceProvider, PmsHttpClientOptions> WithToken() => services =>
    {
        var options = PipelineHarness.Options();
        options.Authenticator = PipelineHarness.Bearer(services, secret: "client-secret-0815");
        options.RequestIdHeaders.Insert(0, "X-Vendor-Trace");
        return options;
    };

    private static TestHttpHandler Tokens() =>
        new((_, _) => TestHttpHandler.Json(HttpStatusCode.OK, $$"""{"access_token":"{{AccessToken}}","expires_in":3600}"""));

    private static IReadOnlyList<FakeLogRecord> PipelineRecords(PipelineHarness harness) =>
        harness.Logs.GetSnapshot().Where(r => r.Category == PmsHttpClientBuilderExtensions.LogCategory).ToList();

    private static void AssertNothingSensitive(PipelineHarness harness)
    {
        foreach (var record in harness.Logs.GetSnapshot())
        {
            var everything = string.Join(
                "|",
                new[] { record.Message, record.Exception?.ToString() ?? string.Empty }
                    .Concat(record.StructuredState?.Select(kv => $"{kv.Key}={kv.Value}") ?? []));
            Assert.DoesNotContain("jane.doe", everything, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("example.com", everything, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(AccessToken, everything, StringComparison.Ordinal);
            Assert.DoesNotContain("client-secret-0815", everything, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_failed_read_is_logged_once_without_query_string_token_or_guest_email()
    {
        var api = new TestHttpHandler((_, _) =>
        {
            var response = TestHttpHandler.Json(HttpStatusCode.BadRequest, $$"""{"message":"No guest {{GuestEmail}}"}""");
            response.Headers.Add("X-Vendor-Trace", "trace-123");
            return response;
        });
        await using var harness = PipelineHarness.Create(api, WithToken(), Tokens());

        using var response = await harness.Client().GetAsync($"guests?email={Uri.EscapeDataString(GuestEmail)}&phone=%2B4930123456", Ct).Within();

        Assert.Equal($"Bearer {AccessToken}", Assert.Single(api.Requests).Authorization);
        var record = Assert.Single(PipelineRecords(harness));
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.Equal("/api/guests", record.GetStructuredStateValue("UrlPath"));
        Assert.Equal("400", record.GetStructuredStateValue("StatusCode"));
        Assert.Equal("GET", record.GetStructuredStateValue("HttpMethod"));
        Assert.Equal("trace-123", record.GetStructuredStateValue("VendorRequestId"));
        Assert.Equal("berlin", record.GetStructuredStateValue("HotelId"));
        Assert.Equal("acme", record.GetStructuredStateValue("Vendor"));
        Assert.DoesNotContain("?", record.Message, StringComparison.Ordinal);
        AssertNothingSensitive(harness);
    }

    [Fact]
    public async Task A_failed_write_with_a_guest_in_the_body_is_logged_without_the_body()
    {
        var api = new TestHttpHandler((_, _) => TestHttpHandler.Json(HttpStatusCode.InternalServerError, $$"""{"error":"{{GuestEmail}} rejected"}"""));
        await using var harness = PipelineHarness.Create(api, WithToken(), Tokens());

        using var response = await harness.Client().PostAsync(
            "guests",
            new StringContent($$"""{"email":"{{GuestEmail}}","lastName":"Doe"}"""),
            Ct).Within();

        Assert.Contains(GuestEmail, Assert.Single(api.Requests).Body, StringComparison.Ordinal);
        var record = Assert.Single(PipelineRecords(harness));
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Equal("500", record.GetStructuredStateValue("StatusCode"));
        Assert.Equal("POST", record.GetStructuredStateValue("HttpMethod"));
        AssertNothingSensitive(harness);
    }

    [Fact]
    public async Task A_path_that_embeds_an_email_is_scrubbed_in_the_log()
    {
        var api = new TestHttpHandler((_, _) => new HttpResponseMessage(HttpStatusCode.NotFound));
        await using var harness = PipelineHarness.Create(api, WithToken(), Tokens());

        using var response = await harness.Client().GetAsync($"guests/by-email/{Uri.EscapeDataString(GuestEmail)}", Ct).Within();

        var record = Assert.Single(PipelineRecords(harness));
        Assert.Equal("/api/guests/by-email/[email]", record.GetStructuredStateValue("UrlPath"));
        AssertNothingSensitive(harness);
    }

    [Fact]
    public async Task A_transport_failure_is_logged_with_the_error_type_and_unknown_outcome()
    {
        var api = new TestHttpHandler((_, _, _) =>
            Task.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ResponseEnded, $"connection to {GuestEmail} dropped")));
        await using var harness = PipelineHarness.Create(api, WithToken(), Tokens());

        await Assert.ThrowsAsync<PmsUnavailableException>(() => harness.Client().PostAsync("bookings", new StringContent("{}"), Ct).Within());

        var record = Assert.Single(PipelineRecords(harness));
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Equal(nameof(PmsUnavailableException), record.GetStructuredStateValue("ErrorType"));
        Assert.Equal(nameof(HttpRequestException), record.GetStructuredStateValue("CauseType"));
        Assert.Equal("True", record.GetStructuredStateValue("OutcomeUnknown"));
        Assert.Null(record.Exception);
        AssertNothingSensitive(harness);
    }

    [Fact]
    public async Task A_slow_success_is_logged_and_a_fast_one_is_not()
    {
        PipelineHarness? harness = null;
        var api = new TestHttpHandler((request, _) =>
        {
            if (request.Uri.AbsolutePath.EndsWith("/slow", StringComparison.Ordinal))
            {
                // The vendor takes six seconds on the fake clock (the slow-call threshold is five).
                harness!.Time.Advance(TimeSpan.FromSeconds(6));
            }

            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        harness = PipelineHarness.Create(api, PipelineHarness.Options());
        await using var _ = harness;

        using (await harness.Client().GetAsync("fast", Ct).Within())
        using (await harness.Client().GetAsync("slow?guest=jane.doe%40example.com", Ct).Within())
        {
        }

        var record = Assert.Single(PipelineRecords(harness));
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.Equal("6000", record.GetStructuredStateValue("ElapsedMs"));
        Assert.Equal("/api/slow", record.GetStructuredStateValue("UrlPath"));
        AssertNothingSensitive(harness);
    }

    [Fact]
    public async Task A_retry_is_logged_by_the_pipeline_with_the_same_care_and_nothing_from_Polly_carries_the_failure_message()
    {
        var api = new TestHttpHandler((_, i) => i == 0
            ? TestHttpHandler.Json(HttpStatusCode.ServiceUnavailable, $$"""{"message":"{{GuestEmail}} busy"}""")
            : new HttpResponseMessage(HttpStatusCode.OK));
        await using var harness = PipelineHarness.Create(api, WithToken(), Tokens());

        var call = harness.Client().GetAsync($"guests?email={Uri.EscapeDataString(GuestEmail)}", Ct);
        harness.Time.Advance(await harness.Time.WaitForTimerAsync(d => d > TimeSpan.Zero && d < TimeSpan.FromSeconds(10)));
        using var response = await call.Within();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = Assert.Single(PipelineRecords(harness));
        Assert.Equal(1104, record.Id.Id);
        Assert.Equal("503", record.GetStructuredStateValue("Cause"));
        Assert.Equal("1", record.GetStructuredStateValue("Retry"));
        Assert.Equal("/api/guests", record.GetStructuredStateValue("UrlPath"));
        Assert.DoesNotContain(harness.Logs.GetSnapshot(), r => r.Category?.StartsWith("Polly", StringComparison.Ordinal) == true);
        AssertNothingSensitive(harness);
    }
}
