using System.Net;
using System.Text;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Tests.Infrastructure;

namespace HotelPlatform.Connectors.Tests.Seams;

/// <summary>A vendor's classifier decides retries and exceptions, for answers whose status does not say what they mean.</summary>
public sealed class ResponseClassificationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PipelineHarness Harness(TestHttpHandler api, PmsResponseClassifier classifier)
    {
        var options = PipelineHarness.Options();
        options.ResponseClassifier = classifier;
        return PipelineHarness.Create(api, options);
    }

    private static HttpResponseMessage Body(HttpStatusCode status, string mediaType, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    [Fact]
    public async Task A_Cloudbeds_200_with_success_false_is_a_validation_failure_and_is_not_retried()
    {
        var api = new TestHttpHandler((_, _) => TestHttpHandler.Json(HttpStatusCode.OK, """{"success":false,"message":"Invalid Parameter Format: startDate"}"""));
        await using var harness = Harness(api, new CloudbedsStyleClassifier());
        var connector = new SeamConnector(harness.Client(), SeamConnector.Basic, "cloudbeds");

        var failure = await Assert.ThrowsAsync<PmsValidationException>(() => connector.GetReservationAsync("R1", Ct).Within());

        Assert.Equal(1, api.Count);
        Assert.Contains("Invalid Parameter Format: startDate", failure.Message, StringComparison.Ordinal);
        Assert.Equal(("acme", "GetReservation"), (failure.Vendor, failure.Operation));
    }

    [Fact]
    public async Task A_Cloudbeds_200_saying_not_found_is_not_found_and_a_200_with_success_true_is_data()
    {
        var api = new TestHttpHandler((_, i) => i == 0
            ? TestHttpHandler.Json(HttpStatusCode.OK, """{"success":false,"message":"Reservation not found"}""")
            : TestHttpHandler.Json(HttpStatusCode.OK, """{"success":true,"data":{"reservationID":"R1"}}"""));
        await using var harness = Harness(api, new CloudbedsStyleClassifier());
        var connector = new SeamConnector(harness.Client(), SeamConnector.Basic, "cloudbeds");

        var missing = await Assert.ThrowsAsync<PmsNotFoundException>(() => connector.GetReservationAsync("R1", Ct).Within());
        var found = await connector.GetReservationAsync("R1", Ct).Within();

        Assert.Equal(("Reservation", "R1"), (missing.EntityType, missing.EntityId));
        Assert.Equal("R1", found.VendorId);
    }

    private const string SoapFault = """
        <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
          <soap:Body><soap:Fault><faultcode>soap:Client</faultcode><faultstring>Invalid HotelCode</faultstring></soap:Fault></soap:Body>
        </soap:Envelope>
        """;

    [Fact]
    public async Task A_SOAP_Fault_answered_500_to_a_write_is_a_definite_refusal_not_an_unknown_outcome()
    {
        var api = new TestHttpHandler((_, _) => Body(HttpStatusCode.InternalServerError, "text/xml", SoapFault));
        await using var harness = Harness(api, new SoapFaultClassifier());
        var connector = new SeamConnector(harness.Client(), SeamConnector.Basic, "siteminder");

        var refused = await Assert.ThrowsAsync<PmsValidationException>(() => connector.CancelReservationAsync("R1", "no show", Ct).Within());

        Assert.Equal(1, api.Count);
        Assert.Equal("soap:Client", refused.VendorErrorCode);
        Assert.Contains("Invalid HotelCode", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("outcome unknown", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_500_judged_by_status_alone_leaves_the_write_unknown()
    {
        var api = new TestHttpHandler((_, _) => Body(HttpStatusCode.InternalServerError, "text/xml", SoapFault));
        await using var harness = Harness(api, PmsResponseClassifier.Default);
        var connector = new SeamConnector(harness.Client(), SeamConnector.Basic, "siteminder");

        var unknown = await Assert.ThrowsAsync<PmsUnavailableException>(() => connector.CancelReservationAsync("R1", "no show", Ct).Within());

        Assert.True(unknown.OutcomeUnknown);
    }

    [Fact]
    public async Task A_Mews_403_business_rule_failure_is_a_validation_error_for_the_user_not_an_authentication_failure()
    {
        var api = new TestHttpHandler((_, _) => TestHttpHandler.Json(HttpStatusCode.Forbidden, """{"Message":"The reservation cannot be canceled because it is already checked in.","RequestId":"mews-42"}"""));
        await using var harness = Harness(api, new MewsStyleClassifier());
        var connector = new SeamConnector(harness.Client(), SeamConnector.Basic, "mews");

        var refused = await Assert.ThrowsAsync<PmsValidationException>(() => connector.CancelReservationAsync("R1", "guest called", Ct).Within());

        Assert.Equal("mews-42", refused.VendorRequestId);
        Assert.Equal(["The reservation cannot be canceled because it is already checked in."], refused.Messages);
        Assert.Equal(1, api.Count);
    }

    [Fact]
    public async Task An_OHIP_error_carries_its_o_errorCode_and_path()
    {
        var api = new TestHttpHandler((_, _) => TestHttpHandler.Json(HttpStatusCode.BadRequest,
            """{"type":"https://docs.oracle.com/errors","title":"Invalid arrival date","status":400,"o:errorCode":"FOF00012","o:errorPath":"reservations.arrivalDate"}"""));
        await using var harness = Harness(api, new OperaStyleClassifier());
        var connector = new SeamConnector(harness.Client(), SeamConnector.Basic, "opera");

        var refused = await Assert.ThrowsAsync<PmsValidationException>(() => connector.GetReservationAsync("R1", Ct).Within());

        Assert.Equal(("FOF00012", "reservations.arrivalDate"), (refused.VendorErrorCode, refused.Field));
        Assert.Contains("Invalid arrival date", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_classifier_may_call_an_answer_transient_and_the_read_is_retried_with_the_wait_it_read()
    {
        var api = new TestHttpHandler((_, i) => i == 0
            ? TestHttpHandler.Json(HttpStatusCode.OK, """{"success":false,"message":"busy"}""")
            : TestHttpHandler.Json(HttpStatusCode.OK, """{"success":true}"""));
        await using var harness = Harness(api, new BusyMeansWait());
        var connector = new SeamConnector(harness.Client(), SeamConnector.Basic, "cloudbeds");

        var read = connector.GetReservationAsync("R1", Ct);
        await harness.Time.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(3));
        harness.Time.Advance(TimeSpan.FromSeconds(3));
        await read.Within();

        Assert.Equal(2, api.Count);
    }

    private sealed class BusyMeansWait : PmsResponseClassifier
    {
        public override async ValueTask<PmsResponseClassification> ClassifyAsync(PmsResponseContext context, CancellationToken cancellationToken) =>
            (await context.ReadBodyAsync(cancellationToken: cancellationToken))!.Contains("busy", StringComparison.Ordinal)
                ? PmsResponseClassification.Transient(context.CreateError() with { Kind = PmsFailureKind.Unavailable, RetryAfter = TimeSpan.FromSeconds(3) })
                : PmsResponseClassification.Success;
    }
}
