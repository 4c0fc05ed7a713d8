namespace HotelPlatform.Connectors.ContractTests;

/// <summary>
/// What one kit test did, handed to the fixture before the test (<see cref="PmsContractFixture.OnTestStartingAsync"/>)
/// and after its assertions passed (<see cref="PmsContractFixture.VerifyRequestsAsync"/>), so that a vendor fixture can
/// assert the exact requests its connector sent: the kit says what it did, the vendor knows what that must look like on
/// the wire.
/// </summary>
public sealed class ContractTestContext
{
    /// <summary>The key of the reservation the test created or worked on.</summary>
    public const string ReservationId = nameof(ReservationId);

    /// <summary>The key of the client reference of the test's booking.</summary>
    public const string ClientReference = nameof(ClientReference);

    /// <summary>The key of the page size a list test asked for.</summary>
    public const string PageSize = nameof(PageSize);

    /// <summary>The key of the guest identifier the test worked on.</summary>
    public const string GuestId = nameof(GuestId);

    /// <summary>The key of the property-local date a list test listed.</summary>
    public const string Date = nameof(Date);

    /// <summary>
    /// The key of the <see cref="PmsContractFault"/> a resilience test injected (its name), so that a vendor fixture can
    /// assert how the connector recovered on the wire: the retry waited for <c>Retry-After</c>, a lost create was repeated
    /// with the same idempotency key, a non-idempotent write was not sent twice.
    /// </summary>
    public const string Fault = nameof(Fault);

    /// <summary>The key of the <see cref="IPmsConnector"/> method whose first request the <see cref="Fault"/> was injected into.</summary>
    public const string FaultedOperation = nameof(FaultedOperation);

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly List<string> _createdReservationIds = [];

    /// <summary>Initializes a new instance of the <see cref="ContractTestContext"/> class.</summary>
    /// <param name="area">The kit area (for example <c>Reservation</c>).</param>
    /// <param name="testName">The test method's name.</param>
    public ContractTestContext(string area, string testName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(area);
        ArgumentException.ThrowIfNullOrWhiteSpace(testName);
        Area = area;
        TestName = testName;
    }

    /// <summary>Gets the kit area of the test (the <see cref="ContractTestAreaAttribute.Name"/> of its base class).</summary>
    public string Area { get; }

    /// <summary>Gets the test method's name, for example <c>Cancelling_a_cancelled_reservation_returns_it_unchanged</c>.</summary>
    public string TestName { get; }

    /// <summary>
    /// Gets a value indicating whether the test expects the connector to have sent no request at all: argument
    /// validation happens before any I/O. A vendor fixture that records requests should assert that it recorded none.
    /// </summary>
    public bool ExpectsNoVendorRequests { get; private set; }

    /// <summary>Gets notable values of the test, by the keys defined on this class (<see cref="ReservationId"/>, <see cref="ClientReference"/>, ...).</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>Gets the identifiers of the reservations the test created, in order.</summary>
    public IReadOnlyList<string> CreatedReservationIds => _createdReservationIds;

    /// <summary>Records a notable value of the test.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    public void Set(string key, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        _values[key] = value;
    }

    /// <summary>Marks the test as one that expects no request to reach the vendor.</summary>
    public void ExpectNoVendorRequests() => ExpectsNoVendorRequests = true;

    internal void AddCreatedReservation(string reservationId)
    {
        _createdReservationIds.Add(reservationId);
        Set(ReservationId, reservationId);
    }
}
