using System.Net;
using HotelPlatform.Connectors.Http;
using HotelPlatform.Connectors.Tests.Infrastructure;

namespace HotelPlatform.Connectors.Tests.Seams;

/// <summary>The <see cref="PmsConnector"/> base tells the pipeline which requests it may retry, whatever their verb.</summary>
public sealed class OperationIntentTests
{
    private static readonly TimeSpan Attempt = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Total = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static bool IsBackoff(TimeSpan due) => due != Attempt && due != Total && due > TimeSpan.Zero;

    private static TestHttpHandler FailingOnce(HttpStatusCode status) =>
        new((_, i) => i == 0 ? new HttpResponseMessage(status) : TestHttpHandler.Json(HttpStatusCode.OK, """{"Reservations":[]}"""));

    [Fact]
    public async Task A_Mews_style_POST_read_with_tokens_in_the_body_is_retried_after_a_503()
    {
        var body = VendorExamples.Read("mews/examples/reservations.get-all-reservations-v2023-06-06.request.json");
        var api = FailingOnce(HttpStatusCode.ServiceUnavailable);
        await using var harness = PipelineHarness.Create(api, PipelineHarness.Options());
        var connector = new SeamConnector(harness.Client(), SeamConnector.Basic) { ReadBody = body };

        var read = connector.GetReservationAsync("0f515589-99b4-423d-b83a-b237009f0509", Ct);
        harness.Time.Advance(await harness.Time.WaitForTimerAsync(IsBackoff));
        var reservation = await read.Within();

        Assert.Equal("0f515589-99b4-423d-b83a-b237009f0509", reservation.VendorId);
        Assert.Equal(2, api.Count);
        Assert.All(api.Requests, r => Assert.Equal((HttpMethod.Post, body), (r.Method, r.Body)));
    }

    [Fact]
    public async Task A_POST_write_answered_500_is_not_retried_and_its_outcome_is_unknown()
    {
        var api = FailingOnce(HttpStatusCode.InternalServerError);
        await using var harness = PipelineHarness.Create(api, PipelineHarness.Options());
        var connector = new SeamConnector(harness.Client(), SeamConnector.Basic);

        var failure = await Assert.ThrowsAsync<PmsUnavailableException>(() => connector.CancelReservationAsync("R1", "guest called", Ct).Within());

        Assert.True(failure.OutcomeUnknown);
        Assert.Equal("CancelReservation", failure.Operation);
        Assert.Equal(1, api.Count);
    }

    [Fact]
    public async Task A_request_marked_as_a_read_inside_a_write_is_retried()
    {
        var api = FailingOnce(HttpStatusCode.ServiceUnavailable);
        await using var harness = PipelineHarness.Create(api, PipelineHarness.Options());
        var connector = new SeamConnector(harness.Client(), SeamConnector.Basic) { CancelRequestIntent = PmsOperationIntent.Read };

        var cancel = connector.CancelReservationAsync("R1", "guest called", Ct);
        harness.Time.Advance(await harness.Time.WaitForTimerAsync(IsBackoff));
        await cancel.Within();

        Assert.Equal(2, api.Count);
    }

    [Fact]
    public async Task A_create_is_retried_by_the_pipeline_only_when_the_connector_declares_an_idempotent_create()
    {
        var draft = new ReservationDraft(new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 12), "DBL", "FLEX", new GuestProfile("Doe"));

        var plain = FailingOnce(HttpStatusCode.ServiceUnavailable);
        await using (var harness = PipelineHarness.Create(plain, PipelineHarness.Options()))
        {
            var connector = new SeamConnector(harness.Client(), SeamConnector.Basic);
            await Assert.ThrowsAsync<PmsUnavailableException>(() => connector.CreateReservationAsync(draft, Ct).Within());
            Assert.Equal(1, plain.Count);
        }

        var idempotent = FailingOnce(HttpStatusCode.ServiceUnavailable);
        await using (var harness = PipelineHarness.Create(idempotent, PipelineHarness.Options()))
        {
            var connector = new SeamConnector(harness.Client(), SeamConnector.Basic | ConnectorCapabilities.IdempotentCreate);
            var create = connector.CreateReservationAsync(draft, Ct);
            harness.Time.Advance(await harness.Time.WaitForTimerAsync(IsBackoff));
            await create.Within();
            Assert.Equal(2, idempotent.Count);
        }
    }

    [Fact]
    public async Task A_POST_outside_any_operation_is_a_write_and_the_operation_state_does_not_leak_to_the_caller()
    {
        var api = FailingOnce(HttpStatusCode.ServiceUnavailable);
        await using var harness = PipelineHarness.Create(api, PipelineHarness.Options());
        var connector = new SeamConnector(harness.Client(), SeamConnector.Basic);

        await connector.GetPropertyAsync(Ct);
        Assert.Equal(PmsOperationIntent.Unspecified, PmsOperation.CurrentIntent);
        Assert.Null(PmsOperation.CurrentName);

        using var response = await harness.Client().PostAsync("reservations/getAll", new StringContent("{}"), Ct).Within();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, api.Count);
    }

    [Theory]
    [InlineData("GET", null, PmsOperationIntent.Write, PmsOperationIntent.Read)]
    [InlineData("POST", null, PmsOperationIntent.Read, PmsOperationIntent.Read)]
    [InlineData("POST", null, PmsOperationIntent.Unspecified, PmsOperationIntent.Write)]
    [InlineData("POST", "Idempotency-Key", PmsOperationIntent.Write, PmsOperationIntent.IdempotentWrite)]
    [InlineData("PUT", null, PmsOperationIntent.IdempotentWrite, PmsOperationIntent.IdempotentWrite)]
    public void The_intent_of_a_request_follows_its_verb_its_key_and_the_operation(string method, string? header, PmsOperationIntent ambient, PmsOperationIntent expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "http://127.0.0.1/x");
        if (header is not null)
        {
            request.Headers.Add(header, "k-1");
        }

        using (ambient == PmsOperationIntent.Unspecified ? null : PmsOperation.Begin("Test", ambient))
        {
            Assert.Equal(expected, PmsOperation.IntentOf(request));
        }
    }
}
