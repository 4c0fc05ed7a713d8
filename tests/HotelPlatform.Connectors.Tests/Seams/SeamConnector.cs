using System.Net.Http.Json;
using System.Text;
using HotelPlatform.Connectors.Http;

namespace HotelPlatform.Connectors.Tests.Seams;

/// <summary>
/// A connector that speaks a POST-only dialect (as Mews and SOAP vendors do) over a pipeline client, so that the seams
/// are exercised through the <see cref="PmsConnector"/> base exactly as a vendor package would use them.
/// </summary>
internal sealed class SeamConnector(HttpClient client, ConnectorCapabilities capabilities, string vendor = "acme")
    : PmsConnector(vendor, "P1", capabilities)
{
    public const ConnectorCapabilities Basic = ConnectorCapabilities.Inventory | ConnectorCapabilities.ReadReservations | ConnectorCapabilities.CancelReservation | ConnectorCapabilities.CreateReservation;

    /// <summary>Gets or sets the JSON body of the read (a vendor's example request).</summary>
    public string ReadBody { get; set; } = "{}";

    /// <summary>Gets or sets the intent a read request overrides the operation's with, if any.</summary>
    public PmsOperationIntent? CancelRequestIntent { get; set; }

    protected override Task<PmsProperty> GetPropertyCoreAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new PmsProperty("P1", "Hotel", "Europe/Berlin", "EUR"));

    protected override async Task<Reservation> GetReservationCoreAsync(string reservationId, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsync("reservations/getAll/2023-06-06", Json(ReadBody), cancellationToken);
        PmsHttpResponses.ThrowIfFailed(response, error => error with { EntityType = "Reservation", EntityId = reservationId });
        return new Reservation(reservationId, "P1", ReservationStatus.Confirmed, new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 12), new GuestProfile("Doe"));
    }

    protected override async Task<Reservation> CancelReservationCoreAsync(string reservationId, string? reason, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "reservations/cancel") { Content = Json($$"""{"ReservationIds":["{{reservationId}}"],"Notes":"{{reason}}"}""") };
        if (CancelRequestIntent is { } intent)
        {
            request.Options.Set(PmsHttpRequestOptions.Intent, intent);
        }

        using var response = await client.SendAsync(request, cancellationToken);
        PmsHttpResponses.ThrowIfFailed(response);
        return new Reservation(reservationId, "P1", ReservationStatus.Cancelled, new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 12), new GuestProfile("Doe"));
    }

    protected override async Task<Reservation> CreateReservationCoreAsync(ReservationDraft draft, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync("reservations/add", new { draft.ClientReference }, cancellationToken);
        PmsHttpResponses.ThrowIfFailed(response);
        return new Reservation("new", "P1", ReservationStatus.Confirmed, draft.Arrival, draft.Departure, draft.PrimaryGuest);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
