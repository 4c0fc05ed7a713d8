namespace HotelPlatform.Connectors.Tests.Infrastructure;

/// <summary>A minimal connector for registry, telemetry and health tests; behaviour is supplied per test.</summary>
public sealed class FakeConnector : PmsConnector
{
    public FakeConnector(string vendor = "fake", string propertyId = "P1", ConnectorCapabilities capabilities = ConnectorCapabilities.Inventory | ConnectorCapabilities.ReadReservations | ConnectorCapabilities.ListReservations, TimeProvider? timeProvider = null)
        : base(vendor, propertyId, capabilities, timeProvider)
    {
    }

    public Func<CancellationToken, Task<PmsProperty>> Property { get; set; } =
        _ => Task.FromResult(new PmsProperty("P1", "Hotel One", "Europe/Berlin", "EUR"));

    public Func<string, CancellationToken, Task<Reservation?>> Find { get; set; } = (_, _) => Task.FromResult<Reservation?>(null);

    public Func<ReservationQuery, CancellationToken, IAsyncEnumerable<Reservation>> List { get; set; } = (_, _) => AsyncEnumerable.Empty<Reservation>();

    public static Reservation Reservation(string id) =>
        new(id, "P1", ReservationStatus.Confirmed, new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 12), new GuestProfile("Doe"));

    protected override Task<PmsProperty> GetPropertyCoreAsync(CancellationToken cancellationToken) => Property(cancellationToken);

    protected override Task<Reservation?> FindReservationCoreAsync(string confirmationNumber, CancellationToken cancellationToken) =>
        Find(confirmationNumber, cancellationToken);

    protected override IAsyncEnumerable<Reservation> GetReservationsCoreAsync(ReservationQuery query, CancellationToken cancellationToken) =>
        List(query, cancellationToken);
}
