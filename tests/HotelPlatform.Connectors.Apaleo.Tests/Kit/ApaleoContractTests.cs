using HotelPlatform.Connectors.ContractTests;

namespace HotelPlatform.Connectors.Apaleo.Tests.Kit;

// The whole contract kit, one subclass per area, against the Apaleo connector talking to the Apaleo simulator. Tests of
// capabilities Apaleo lacks (guest profiles, guest upsert, per-room-type restrictions) skip with the reason.

public sealed class ApaleoInventoryContractTests(ApaleoKitFixture fixture) : InventoryContractTests<ApaleoKitFixture>(fixture);

public sealed class ApaleoAvailabilityContractTests(ApaleoKitFixture fixture) : AvailabilityContractTests<ApaleoKitFixture>(fixture);

public sealed class ApaleoQuoteContractTests(ApaleoKitFixture fixture) : QuoteContractTests<ApaleoKitFixture>(fixture);

public sealed class ApaleoReservationContractTests(ApaleoKitFixture fixture) : ReservationContractTests<ApaleoKitFixture>(fixture)
{
    // Stricter than the kit: both creates reached Apaleo with one Idempotency-Key, and Apaleo holds one reservation.
    public override async Task Creating_twice_with_the_same_client_reference_books_once()
    {
        await base.Creating_twice_with_the_same_client_reference_books_once();

        var reference = Context.Values[ContractTestContext.ClientReference];
        var creates = Fixture.Simulator.Requests.Where(r => r.Method == "POST" && r.Path == "/booking/v1/bookings" && r.Headers.TryGetValue("Idempotency-Key", out var key) && key == reference).ToList();
        Assert.NotEmpty(creates);
        Assert.Single(Fixture.Simulator.Reservations, r => r.ExternalCode == reference);
    }
}

public sealed class ApaleoReservationListContractTests(ApaleoKitFixture fixture) : ReservationListContractTests<ApaleoKitFixture>(fixture);

public sealed class ApaleoGuestContractTests(ApaleoKitFixture fixture) : GuestContractTests<ApaleoKitFixture>(fixture);

public sealed class ApaleoServiceContractTests(ApaleoKitFixture fixture) : ServiceContractTests<ApaleoKitFixture>(fixture);

public sealed class ApaleoArgumentValidationContractTests(ApaleoKitFixture fixture) : ArgumentValidationContractTests<ApaleoKitFixture>(fixture);

public sealed class ApaleoEventContractTests(ApaleoKitFixture fixture) : EventContractTests<ApaleoKitFixture>(fixture);

public sealed class ApaleoResilienceContractTests(ApaleoKitFixture fixture) : ResilienceContractTests<ApaleoKitFixture>(fixture);

public sealed class ApaleoContractKitCompletenessTests(ApaleoKitFixture fixture) : ContractKitCompletenessTests<ApaleoKitFixture>(fixture);

/// <summary>
/// Makes visible whether the kit's requests were held to Apaleo's Swagger documents: skipped, with the reason, where
/// <c>../shared/vendor-specs</c> is absent (the per-test checks of <see cref="ApaleoKitFixture.VerifyRequestsAsync"/> then
/// only use the simulator's strict models); otherwise a booking's life is run and its requests must all validate.
/// </summary>
public sealed class ApaleoKitSwaggerTests(ApaleoKitFixture fixture) : IClassFixture<ApaleoKitFixture>
{
    [Fact]
    public async Task A_bookings_requests_are_validated_against_apaleos_swagger()
    {
        Assert.SkipWhen(fixture.SwaggerUnavailableReason is not null, $"The kit's requests are not validated against Apaleo's Swagger: {fixture.SwaggerUnavailableReason}");
        var ct = TestContext.Current.CancellationToken;
        var context = new ContractTestContext("Swagger", nameof(A_bookings_requests_are_validated_against_apaleos_swagger));
        await fixture.OnTestStartingAsync(context);
        var scenario = fixture.Scenario;
        var arrival = scenario.FirstNight.AddDays(50);
        var connector = fixture.Connector;

        await connector.QuoteAsync(new QuoteRequest(arrival, arrival.AddDays(2), 1), ct);
        var booked = await connector.CreateReservationAsync(new ReservationDraft(arrival, arrival.AddDays(2), scenario.RoomTypeId, scenario.RatePlanId, new GuestProfile("Swagger") { Email = "swagger.check@example.com" }) { ClientReference = "swagger-" + Guid.NewGuid().ToString("N") }, ct);
        await connector.ModifyReservationAsync(booked.VendorId, new ReservationChanges { Comment = "Late arrival", Departure = arrival.AddDays(3) }, ct);
        await connector.CancelReservationAsync(booked.VendorId, cancellationToken: ct);
        await fixture.VerifyRequestsAsync(context);

        Assert.True(fixture.ValidatedRequests >= 4, $"Only {fixture.ValidatedRequests} requests were validated against the Swagger documents.");
    }
}
