using System.Text;
using HotelPlatform.Connectors.Simulators;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HotelPlatform.Connectors.VendorConformance.SelfTests;

/// <summary>How a per-vendor conformance test checks what a connector sent: capture it (simulator journal or handler), validate it against the vendor's document.</summary>
public sealed class CapturedRequestSelfTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_journaled_by_a_simulator_is_validated_against_the_vendor_document()
    {
        OpenApiSpec spec = await VendorSpecs.LoadOpenApiAsync("apaleo/openapi/booking-v1.swagger.json");
        string example = VendorSpecs.ReadText("apaleo", "examples", "booking.CreateBookingModel.example.json");
        await using var simulator = new AcceptEverythingSimulator();
        await simulator.StartAsync(Ct);
        using HttpClient client = simulator.CreateClient();

        using HttpResponseMessage good = await client.PostAsync("/booking/v1/bookings", new StringContent(example, Encoding.UTF8, "application/json"), Ct);
        using HttpResponseMessage bad = await client.PostAsync("/booking/v1/bookings", new StringContent("""{"reservations":[]}""", Encoding.UTF8, "application/json"), Ct);

        spec.ValidateRequest(simulator.Requests[0]).AssertValid();
        SpecValidationResult result = spec.ValidateRequest(simulator.Requests[1]);
        Assert.Equal("$.booker", Assert.Single(result.Violations).Path);
    }

    [Fact]
    public async Task An_outgoing_http_request_message_is_validated_with_its_query_and_headers()
    {
        OpenApiSpec spec = await VendorSpecs.LoadOpenApiAsync("apaleo/openapi/booking-v1.swagger.json");
        using var message = new HttpRequestMessage(HttpMethod.Get, "https://api.apaleo.com/booking/v1/offers?propertyId=MUC&arrival=2025-03-10&departure=2025-03-12&adults=2");
        message.Headers.Add("Idempotency-Key", "k");

        SpecRequest request = await SpecRequest.FromAsync(message, Ct);

        Assert.Equal("k", request.Headers["idempotency-key"]);
        spec.ValidateRequest(request).AssertValid();
    }

    private sealed class AcceptEverythingSimulator : VendorSimulator
    {
        public override string Vendor => "apaleo";

        protected override void MapRoutes(IEndpointRouteBuilder routes) =>
            routes.MapPost("/booking/v1/bookings", () => Results.StatusCode(StatusCodes.Status201Created));
    }
}
