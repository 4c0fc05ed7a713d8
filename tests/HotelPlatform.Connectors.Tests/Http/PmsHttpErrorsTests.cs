using System.Net;
using HotelPlatform.Connectors.Http;

namespace HotelPlatform.Connectors.Tests.Http;

public sealed class PmsHttpErrorsTests
{
    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, typeof(PmsAuthenticationException))]
    [InlineData(HttpStatusCode.Forbidden, typeof(PmsAuthenticationException))]
    [InlineData(HttpStatusCode.NotFound, typeof(PmsNotFoundException))]
    [InlineData(HttpStatusCode.Gone, typeof(PmsNotFoundException))]
    [InlineData(HttpStatusCode.Conflict, typeof(PmsConflictException))]
    [InlineData(HttpStatusCode.PreconditionFailed, typeof(PmsConflictException))]
    [InlineData(HttpStatusCode.BadRequest, typeof(PmsValidationException))]
    [InlineData(HttpStatusCode.UnprocessableEntity, typeof(PmsValidationException))]
    [InlineData(HttpStatusCode.TooManyRequests, typeof(PmsRateLimitedException))]
    [InlineData(HttpStatusCode.RequestTimeout, typeof(PmsUnavailableException))]
    [InlineData(HttpStatusCode.InternalServerError, typeof(PmsUnavailableException))]
    [InlineData(HttpStatusCode.ServiceUnavailable, typeof(PmsUnavailableException))]
    [InlineData(HttpStatusCode.MethodNotAllowed, typeof(PmsException))]
    public void A_status_maps_to_its_exception_type_with_the_vendors_details(HttpStatusCode status, Type expected)
    {
        var error = PmsHttpErrors.FromVendorError(new PmsVendorError("apaleo", "CreateReservation", status)
        {
            ErrorCode = "E42",
            RequestId = "req-1",
        });

        Assert.Equal(expected, error.GetType());
        Assert.Equal("apaleo", error.Vendor);
        Assert.Equal("CreateReservation", error.Operation);
        Assert.Equal("E42", error.VendorErrorCode);
        Assert.Equal("req-1", error.VendorRequestId);
        Assert.Equal(status, error.StatusCode);
        Assert.StartsWith("apaleo CreateReservation: ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"HTTP {(int)status}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Vendor_messages_are_scrubbed_before_they_reach_the_exception()
    {
        var error = PmsHttpErrors.FromVendorError(new PmsVendorError("apaleo", "CreateReservation", HttpStatusCode.UnprocessableEntity)
        {
            Messages = ["Guest jane.doe@example.com has phone +49 30 1234567", "Arrival 2026-03-01 is in the past.", "  "],
            Field = "arrival",
        });

        var validation = Assert.IsType<PmsValidationException>(error);
        Assert.Equal("arrival", validation.Field);
        Assert.Equal(["Guest [email] has phone [phone]", "Arrival 2026-03-01 is in the past."], validation.Messages);
        Assert.Equal(
            "apaleo CreateReservation: the vendor rejected the request (HTTP 422): Guest [email] has phone [phone]; Arrival 2026-03-01 is in the past.",
            validation.Message);
    }

    [Fact]
    public void A_429_carries_the_vendors_Retry_After()
    {
        var error = PmsHttpErrors.FromVendorError(new PmsVendorError("mews", "Quote", HttpStatusCode.TooManyRequests) { RetryAfter = TimeSpan.FromSeconds(12) });

        Assert.Equal(TimeSpan.FromSeconds(12), Assert.IsType<PmsRateLimitedException>(error).RetryAfter);
        Assert.True(error.IsTransient);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, true, true)]
    [InlineData(HttpStatusCode.BadGateway, true, true)]
    [InlineData(HttpStatusCode.GatewayTimeout, true, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true, false)]
    [InlineData(HttpStatusCode.InternalServerError, false, false)]
    public void A_write_answered_by_a_failing_server_or_gateway_has_an_unknown_outcome(HttpStatusCode status, bool isWrite, bool unknown)
    {
        var error = PmsHttpErrors.FromVendorError(new PmsVendorError("opera", "CreateReservation", status) { IsWrite = isWrite });

        Assert.Equal(unknown, Assert.IsType<PmsUnavailableException>(error).OutcomeUnknown);
        Assert.Equal(unknown, error.Message.EndsWith("(outcome unknown).", StringComparison.Ordinal));
    }

    [Fact]
    public void A_conflict_keeps_its_reason_and_a_412_is_stale_data()
    {
        var noRoom = PmsHttpErrors.FromVendorError(new PmsVendorError("apaleo", "CreateReservation", HttpStatusCode.Conflict) { ConflictReason = PmsConflictReason.NoAvailability });
        var stale = PmsHttpErrors.FromVendorError(new PmsVendorError("apaleo", "ModifyReservation", HttpStatusCode.PreconditionFailed));

        Assert.Equal(PmsConflictReason.NoAvailability, Assert.IsType<PmsConflictException>(noRoom).Reason);
        Assert.Equal(PmsConflictReason.StaleData, Assert.IsType<PmsConflictException>(stale).Reason);
    }

    [Fact]
    public void A_response_describes_its_status_request_id_retry_after_and_whether_it_was_a_write()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/bookings");
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { RequestMessage = request };
        response.Headers.Add("Request-Id", "  mews-req-9  ");
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(3));

        var error = PmsVendorError.FromResponse(response, "mews", "CreateReservation");

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal("mews-req-9", error.RequestId);
        Assert.Equal(TimeSpan.FromSeconds(3), error.RetryAfter);
        Assert.True(error.IsWrite);
    }

    [Fact]
    public void A_Retry_After_date_is_measured_against_the_given_clock()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(new DateTimeOffset(2026, 3, 1, 12, 0, 45, TimeSpan.Zero));

        Assert.Equal(TimeSpan.FromSeconds(45), PmsHttpErrors.GetRetryAfter(response.Headers, clock));
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(TimeSpan.Zero, PmsHttpErrors.GetRetryAfter(response.Headers, clock));
    }

    [Fact]
    public void A_timeout_of_a_write_has_an_unknown_outcome_and_of_a_read_does_not()
    {
        var timeout = new Polly.Timeout.TimeoutRejectedException();

        Assert.True(PmsHttpErrors.TryFromTransportFailure(timeout, "mews", "CreateReservation", isWrite: true, CancellationToken.None, out var write));
        Assert.True(PmsHttpErrors.TryFromTransportFailure(timeout, "mews", "GetReservation", isWrite: false, CancellationToken.None, out var read));

        Assert.True(Assert.IsType<PmsUnavailableException>(write).OutcomeUnknown);
        Assert.False(Assert.IsType<PmsUnavailableException>(read).OutcomeUnknown);
        Assert.Same(timeout, write.InnerException);
    }

    [Fact]
    public void A_cancellation_that_is_not_the_callers_is_a_timeout()
    {
        Assert.True(PmsHttpErrors.TryFromTransportFailure(new TaskCanceledException(), "opera", "CreateReservation", isWrite: true, CancellationToken.None, out var error));

        Assert.True(Assert.IsType<PmsUnavailableException>(error).OutcomeUnknown);
    }

    [Fact]
    public void The_callers_cancellation_and_unrelated_exceptions_are_not_translated()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.False(PmsHttpErrors.TryFromTransportFailure(new OperationCanceledException(cts.Token), "opera", null, isWrite: true, cts.Token, out _));
        Assert.False(PmsHttpErrors.TryFromTransportFailure(new InvalidOperationException("bug"), "opera", null, isWrite: false, CancellationToken.None, out _));
    }

    [Fact]
    public void A_local_rate_limiter_rejection_is_a_rate_limit_error_with_its_retry_after()
    {
        var rejected = new Polly.RateLimiting.RateLimiterRejectedException(TimeSpan.FromSeconds(2));

        Assert.True(PmsHttpErrors.TryFromTransportFailure(rejected, "apaleo", "Quote", isWrite: false, CancellationToken.None, out var error));

        Assert.Equal(TimeSpan.FromSeconds(2), Assert.IsType<PmsRateLimitedException>(error).RetryAfter);
    }

    [Fact]
    public void A_request_the_pipeline_never_sent_has_a_known_outcome_even_when_it_timed_out()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/bookings");
        request.Options.Set(new HttpRequestOptionsKey<bool>("HotelPlatform.Connectors.Sent"), false);

        Assert.True(PmsHttpErrors.TryFromTransportFailure(new Polly.Timeout.TimeoutRejectedException(), "apaleo", "CreateReservation", request, CancellationToken.None, out var error));

        Assert.False(Assert.IsType<PmsUnavailableException>(error).OutcomeUnknown);
    }

    [Fact]
    public void An_existing_PmsException_is_returned_as_it_is()
    {
        var original = new PmsAuthenticationException("refused");

        Assert.True(PmsHttpErrors.TryFromTransportFailure(original, "apaleo", null, isWrite: false, CancellationToken.None, out var error));
        Assert.Same(original, error);
    }

    [Fact]
    public void Reads_writes_and_retry_safety_follow_method_and_flags()
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/");
        using var post = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/");
        using var put = new HttpRequestMessage(HttpMethod.Put, "http://127.0.0.1/");
        using var keyed = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/");
        keyed.Headers.Add("Idempotency-Key", "k");
        using var readOnlyPost = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/");
        readOnlyPost.Options.Set(PmsHttpRequestOptions.ReadOnly, true);

        Assert.True(PmsHttpRequestOptions.IsSafeToRetry(get));
        Assert.False(PmsHttpRequestOptions.IsSafeToRetry(post));
        Assert.False(PmsHttpRequestOptions.IsSafeToRetry(put));
        Assert.True(PmsHttpRequestOptions.IsSafeToRetry(keyed));
        Assert.False(PmsHttpRequestOptions.IsRead(keyed));
        Assert.True(PmsHttpRequestOptions.IsRead(readOnlyPost));
        Assert.False(PmsHttpRequestOptions.IsSafeToRetry(keyed, "X-Other-Key"));
    }

    [Fact]
    public void An_account_key_derived_from_a_credential_does_not_contain_it()
    {
        var key = PmsHttpClientOptions.CreateAccountKey("mews", "access-token-very-secret");

        Assert.StartsWith("mews:", key, StringComparison.Ordinal);
        Assert.Equal(5 + 16, key.Length);
        Assert.DoesNotContain("secret", key, StringComparison.Ordinal);
        Assert.Equal(key, PmsHttpClientOptions.CreateAccountKey("mews", "access-token-very-secret"));
        Assert.NotEqual(key, PmsHttpClientOptions.CreateAccountKey("mews", "another-token"));
    }
}
